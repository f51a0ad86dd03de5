package io.handwritingstudio.data;

import java.util.Locale;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.ZipException;

/**
 * Strict IDX reader (raw or gzip). Any mismatch between header and content is an {@link IdxFormatException}:
 * a silently partial dataset would train a model on garbage without anyone noticing.
 */
public final class IdxReader {
    public static final int IMAGES_MAGIC = 2051;
    public static final int LABELS_MAGIC = 2049;

    private IdxReader() {}

    public static IdxImages readImages(Path file) throws IOException {
        try (InputStream in = Gzip.openContent(file)) {
            int[] dims = readHeader(file, in, 3, "image");
            int count = dims[0], rows = dims[1], cols = dims[2];
            if (rows <= 0 || cols <= 0) throw new IdxFormatException(file, "bad image size " + rows + "x" + cols);
            long bytes = (long) count * rows * cols;
            if (bytes > Integer.MAX_VALUE - 16) {
                throw new IdxFormatException(file, "header promises " + count + " images of " + rows + "x" + cols
                        + " (" + bytes + " bytes), more than one array can hold");
            }
            byte[] pixels = new byte[(int) bytes];
            int got = readFully(file, in, pixels);
            if (got < pixels.length) {
                throw new IdxFormatException(file, "truncated: header promises " + count + " images of " + rows + "x"
                        + cols + " (" + bytes + " bytes) but only " + got + " bytes follow");
            }
            expectEnd(file, in);
            return new IdxImages(pixels, count, rows, cols);
        }
    }

    /** The raw label values as stored (0..255); range checks belong to the dataset, which knows its classes. */
    public static int[] readLabels(Path file) throws IOException {
        try (InputStream in = Gzip.openContent(file)) {
            int count = readHeader(file, in, 1, "label")[0];
            byte[] raw = new byte[count];
            int got = readFully(file, in, raw);
            if (got < count) {
                throw new IdxFormatException(file, "truncated: header promises " + count + " labels but only "
                        + got + " bytes follow");
            }
            expectEnd(file, in);
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) labels[i] = raw[i] & 0xFF;
            return labels;
        }
    }

    /** Reads a whole image or label file (by its header) just to prove it is well-formed. */
    public static void validate(Path file) throws IOException {
        int dims;
        try (InputStream in = Gzip.openContent(file)) {
            byte[] magic = in.readNBytes(4);
            dims = magic.length == 4 ? magic[3] : -1;
        } catch (EOFException | ZipException e) {
            throw new IdxFormatException(file, "corrupt gzip data: " + e.getMessage(), e);
        }
        if (dims == 1) readLabels(file);
        else readImages(file);
    }

    /** Checks magic (0, 0, type 0x08 = u8, dimension count) and returns the dimension sizes. */
    private static int[] readHeader(Path file, InputStream in, int dimsExpected, String kind) throws IOException {
        byte[] magic = new byte[4];
        if (readFully(file, in, magic) < 4) throw new IdxFormatException(file, "truncated: no IDX header (file too short)");
        int expectedMagic = 0x0800 | dimsExpected;
        int actual = ((magic[0] & 0xFF) << 24) | ((magic[1] & 0xFF) << 16) | ((magic[2] & 0xFF) << 8) | (magic[3] & 0xFF);
        if (magic[0] != 0 || magic[1] != 0) {
            throw new IdxFormatException(file, "bad magic number " + actual + " (expected " + expectedMagic
                    + " for an IDX " + kind + " file)");
        }
        if (magic[2] != 0x08) {
            throw new IdxFormatException(file, String.format(Locale.ROOT, "unsupported IDX data type 0x%02x (only unsigned bytes, 0x08)", magic[2]));
        }
        if (magic[3] != dimsExpected) {
            throw new IdxFormatException(file, "wrong dimension count: magic " + actual + " has " + magic[3]
                    + " dimensions, an IDX " + kind + " file (magic " + expectedMagic + ") has " + dimsExpected);
        }
        byte[] header = new byte[4 * dimsExpected];
        if (readFully(file, in, header) < header.length) throw new IdxFormatException(file, "truncated: incomplete IDX header");
        int[] dims = new int[dimsExpected];
        for (int d = 0; d < dimsExpected; d++) {
            int o = 4 * d;
            dims[d] = ((header[o] & 0xFF) << 24) | ((header[o + 1] & 0xFF) << 16) | ((header[o + 2] & 0xFF) << 8) | (header[o + 3] & 0xFF);
            if (dims[d] < 0) throw new IdxFormatException(file, "negative dimension " + dims[d] + " in header");
        }
        return dims;
    }

    /** Reads until the buffer is full or the stream ends; returns bytes read. A broken gzip stream counts as truncation. */
    private static int readFully(Path file, InputStream in, byte[] buf) throws IOException {
        int off = 0;
        try {
            while (off < buf.length) {
                int n = in.read(buf, off, buf.length - off);
                if (n < 0) break;
                off += n;
            }
        } catch (EOFException e) {
            // GZIPInputStream: "Unexpected end of ZLIB input stream": the .gz was cut short.
            return off;
        } catch (ZipException e) {
            throw new IdxFormatException(file, "corrupt gzip data after " + off + " bytes: " + e.getMessage(), e);
        }
        return off;
    }

    private static void expectEnd(Path file, InputStream in) throws IOException {
        byte[] probe = new byte[4096];
        long extra = 0;
        try {
            for (int n; (n = in.read(probe)) > 0; ) extra += n;
        } catch (EOFException | ZipException e) {
            // a damaged gzip trailer after all promised bytes still means the file is damaged
            throw new IdxFormatException(file, "corrupt gzip trailer: " + e.getMessage(), e);
        }
        if (extra > 0) throw new IdxFormatException(file, "trailing garbage: " + extra + " bytes after the data the header describes");
    }
}
