package io.handwritingstudio.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * Grey images with a class label each, kept as bytes (a 60,000-image set is 47 MB as bytes, 188 MB as floats).
 * Images are upright (as a person reads them), row-major, 0 = background, 255 = ink, like MNIST.
 * Labels are class indices 0..classes().size()-1. Immutable.
 */
public final class LabeledImages {
    private final byte[] pixels;
    private final int[] labels;
    private final int rows;
    private final int cols;
    private final ClassNames classes;

    public LabeledImages(byte[] pixels, int[] labels, int rows, int cols, ClassNames classes) {
        this.pixels = Objects.requireNonNull(pixels);
        this.labels = Objects.requireNonNull(labels);
        this.rows = rows;
        this.cols = cols;
        this.classes = Objects.requireNonNull(classes);
        if ((long) labels.length * rows * cols != pixels.length) {
            throw new IllegalArgumentException("pixel count " + pixels.length + " does not match "
                    + labels.length + " images of " + rows + "x" + cols);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes.size()) {
                throw new IllegalArgumentException("label " + labels[i] + " of image " + i
                        + " is outside 0.." + (classes.size() - 1));
            }
        }
    }

    public int size() { return labels.length; }
    public int rows() { return rows; }
    public int cols() { return cols; }
    public int pixelsPerImage() { return rows * cols; }
    public ClassNames classes() { return classes; }
    public int label(int index) { return labels[index]; }

    /** Pixel value 0..255 of image {@code index} at (row, col). */
    public int pixel(int index, int row, int col) {
        return pixels[index * rows * cols + row * cols + col] & 0xFF;
    }

    /** A copy of one image's bytes (row-major). */
    public byte[] imageBytes(int index) {
        int n = pixelsPerImage();
        return Arrays.copyOfRange(pixels, index * n, (index + 1) * n);
    }

    /** Writes one image scaled to [0,1] into {@code dst} at {@code offset}. */
    public void copyImage(int index, float[] dst, int offset) {
        int n = pixelsPerImage();
        int base = index * n;
        for (int p = 0; p < n; p++) {
            dst[offset + p] = (pixels[base + p] & 0xFF) * (1f / 255f);
        }
    }

    /** Number of images per class. */
    public int[] classCounts() {
        int[] counts = new int[classes.size()];
        for (int label : labels) counts[label]++;
        return counts;
    }

    /** The mean image of each class, 0..255 per pixel, in one pass (all zero for a class without images). */
    public float[][] classMeans() {
        int k = classes.size(), n = pixelsPerImage();
        int[] counts = new int[k];
        double[][] sums = new double[k][n];
        for (int i = 0; i < labels.length; i++) {
            int c = labels[i];
            counts[c]++;
            double[] sum = sums[c];
            int base = i * n;
            for (int p = 0; p < n; p++) sum[p] += pixels[base + p] & 0xFF;
        }
        float[][] means = new float[k][n];
        for (int c = 0; c < k; c++) {
            if (counts[c] == 0) continue;
            for (int p = 0; p < n; p++) means[c][p] = (float) (sums[c][p] / counts[c]);
        }
        return means;
    }

    /** The images at the given indices, in that order. */
    public LabeledImages select(int[] indices) {
        int n = pixelsPerImage();
        byte[] px = new byte[indices.length * n];
        int[] lb = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, indices[i] * n, px, i * n, n);
            lb[i] = labels[indices[i]];
        }
        return new LabeledImages(px, lb, rows, cols, classes);
    }

    /** The first {@code count} images (or all, if there are fewer). */
    public LabeledImages limit(int count) {
        if (count >= size()) return this;
        int n = pixelsPerImage();
        return new LabeledImages(Arrays.copyOf(pixels, count * n), Arrays.copyOf(labels, count), rows, cols, classes);
    }

    /** The same images with other class names (e.g. after relabelling into a larger class set). */
    public LabeledImages withLabels(int[] newLabels, ClassNames newClasses) {
        return new LabeledImages(pixels, newLabels, rows, cols, newClasses);
    }

    /** The backing bytes (all images, row-major), for codecs and batchers: read only, never modify. */
    public byte[] sharedPixels() { return pixels; }

    /** A copy of all labels. */
    public int[] labels() { return labels.clone(); }
}
