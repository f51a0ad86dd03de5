package io.handwritingstudio.data;

import io.handwritingstudio.files.AtomicFiles;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes IDX image/label files, raw or gzip. Every write goes to a temp file in the same folder and is then
 * renamed over the target, so a crash mid-write never leaves a half-written dataset (e.g. appended user samples).
 */
public final class IdxWriter {
    private IdxWriter() {}

    public static void writeImages(Path file, byte[] pixels, int count, int rows, int cols, boolean gzip) throws IOException {
        if ((long) count * rows * cols != pixels.length) {
            throw new IllegalArgumentException(pixels.length + " pixels do not make " + count + " images of " + rows + "x" + cols);
        }
        writeAtomically(file, gzip, out -> {
            out.writeInt(IdxReader.IMAGES_MAGIC);
            out.writeInt(count);
            out.writeInt(rows);
            out.writeInt(cols);
            out.write(pixels);
        });
    }

    public static void writeLabels(Path file, int[] labels, boolean gzip) throws IOException {
        byte[] raw = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] > 255) throw new IllegalArgumentException("label " + labels[i] + " does not fit in a byte");
            raw[i] = (byte) labels[i];
        }
        writeAtomically(file, gzip, out -> {
            out.writeInt(IdxReader.LABELS_MAGIC);
            out.writeInt(labels.length);
            out.write(raw);
        });
    }

    /** Writes upright images + labels as an MNIST-style pair: {@code <prefix>-images-idx3-ubyte[.gz]} and labels. */
    public static void writeDataset(Path dir, String prefix, LabeledImages data, boolean gzip) throws IOException {
        Files.createDirectories(dir);
        String ext = gzip ? ".gz" : "";
        writeImages(dir.resolve(prefix + "-images-idx3-ubyte" + ext), data.sharedPixels(), data.size(), data.rows(), data.cols(), gzip);
        writeLabels(dir.resolve(prefix + "-labels-idx1-ubyte" + ext), data.labels(), gzip);
    }

    private interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    private static void writeAtomically(Path file, boolean gzip, Body body) throws IOException {
        AtomicFiles.write(file, target -> {
            OutputStream maybeGz = gzip ? new GZIPOutputStream(target, 1 << 16) : target;
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(maybeGz, 1 << 16))) {
                body.write(out);
            }
        });
    }
}
