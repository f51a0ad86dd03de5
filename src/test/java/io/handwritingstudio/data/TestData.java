package io.handwritingstudio.data;

import java.io.IOException;
import java.nio.file.Path;

/** Writes small MNIST-style folders for tests. */
final class TestData {
    private TestData() {}

    /** n images of rows x cols whose pixel (0,0) holds the image index, labels as given. */
    static void writeSplit(Path dir, String prefix, int[] labels, int rows, int cols, boolean gz) throws IOException {
        byte[] px = new byte[labels.length * rows * cols];
        for (int i = 0; i < labels.length; i++) px[i * rows * cols] = (byte) i;
        String ext = gz ? ".gz" : "";
        IdxWriter.writeImages(dir.resolve(prefix + "-images-idx3-ubyte" + ext), px, labels.length, rows, cols, gz);
        IdxWriter.writeLabels(dir.resolve(prefix + "-labels-idx1-ubyte" + ext), labels, gz);
    }
}
