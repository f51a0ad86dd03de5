package io.handwritingstudio.ui.kit;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

import java.util.function.DoubleToIntFunction;
import java.util.function.IntUnaryOperator;

/**
 * The one way the studio turns pixel values into a picture: bytes (0-255) or floats (0-1), enlarged with crisp
 * square cells (no smoothing to blur them), through a colour map (opaque ARGB).
 */
public final class GrayImages {
    /** 0 black .. 1 white: the network's own view (white ink on black). */
    public static final DoubleToIntFunction GREY = v -> {
        int g = (int) Math.round(255 * Math.max(0, Math.min(1, v)));
        return 0xFF000000 | g << 16 | g << 8 | g;
    };

    private GrayImages() {
    }

    /** Cell {@code i} (row-major) of a {@code height x width} grid painted {@code argbOf(i)}, each cell {@code cell} pixels. */
    public static WritableImage cells(int height, int width, int cell, IntUnaryOperator argbOf) {
        WritableImage image = new WritableImage(width * cell, height * cell);
        int[] row = new int[width * cell];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) java.util.Arrays.fill(row, x * cell, (x + 1) * cell, argbOf.applyAsInt(y * width + x));
            for (int dy = 0; dy < cell; dy++) {
                image.getPixelWriter().setPixels(0, y * cell + dy, row.length, 1, PixelFormat.getIntArgbInstance(), row, 0, row.length);
            }
        }
        return image;
    }

    /** {@code height * width} floats from {@code offset}, row-major. */
    public static WritableImage of(float[] values, int offset, int height, int width, int cell, DoubleToIntFunction color) {
        return cells(height, width, cell, i -> color.applyAsInt(values[offset + i]));
    }

    /** {@code height * width} bytes (0-255) from {@code offset}, row-major, through a 256-entry colour table. */
    public static WritableImage of(byte[] pixels, int offset, int height, int width, int cell, int[] table) {
        return cells(height, width, cell, i -> table[pixels[offset + i] & 0xFF]);
    }

    /** Rewrites an image of the same size in place (grids that recycle their cells allocate nothing per item). */
    public static void paint(WritableImage target, byte[] pixels, int offset, int[] table, int[] scratch) {
        int w = (int) target.getWidth(), h = (int) target.getHeight();
        for (int p = 0; p < w * h; p++) scratch[p] = table[pixels[offset + p] & 0xFF];
        target.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), scratch, 0, w);
    }

    /** Fits a {@code width x height} float image into {@code maxSide} by nearest sampling (never enlarged). */
    public static WritableImage fitted(float[] values, int width, int height, int maxSide, DoubleToIntFunction color) {
        return scaled(values, width, height, Math.min(1.0, maxSide / (double) Math.max(width, height)), color);
    }

    /** A {@code width x height} float image scaled by {@code k} (larger or smaller) by nearest sampling. */
    public static WritableImage scaled(float[] values, int width, int height, double k, DoubleToIntFunction color) {
        int w = Math.max(1, (int) Math.round(width * k)), h = Math.max(1, (int) Math.round(height * k));
        return cells(h, w, 1, i -> {
            int sx = Math.min(width - 1, (int) ((i % w) / k)), sy = Math.min(height - 1, (int) ((i / w) / k));
            return color.applyAsInt(values[sy * width + sx]);
        });
    }

    /** Sample {@code index} of a dataset as people look at handwriting: the theme's ink on its paper. */
    public static WritableImage sample(io.handwritingstudio.data.LabeledImages images, int index) {
        int n = images.rows() * images.cols();
        return of(images.sharedPixels(), index * n, images.rows(), images.cols(), 1, table(inkOnPaper(Palette.current())));
    }

    /** A 256-entry table for byte pixels: {@code table[v] = color(v / 255)}. */
    public static int[] table(DoubleToIntFunction color) {
        int[] table = new int[256];
        for (int v = 0; v < 256; v++) table[v] = color.applyAsInt(v / 255.0);
        return table;
    }

    /** Ink (value 1) on paper (value 0) in the theme's colours, as people look at handwriting. */
    public static DoubleToIntFunction inkOnPaper(Palette palette) {
        int paper = Palette.argb(palette.background()), ink = Palette.argb(palette.text());
        return v -> blend(paper, ink, Math.max(0, Math.min(1, v)));
    }

    private static int blend(int a, int b, double t) {
        int r = (int) Math.round(((a >> 16) & 255) * (1 - t) + ((b >> 16) & 255) * t);
        int g = (int) Math.round(((a >> 8) & 255) * (1 - t) + ((b >> 8) & 255) * t);
        int bl = (int) Math.round((a & 255) * (1 - t) + (b & 255) * t);
        return 0xFF000000 | r << 16 | g << 8 | bl;
    }
}
