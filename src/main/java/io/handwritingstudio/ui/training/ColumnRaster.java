package io.handwritingstudio.ui.training;

import javafx.scene.paint.Color;

import java.nio.IntBuffer;
import java.util.Arrays;

/**
 * Draws a time series into an ARGB pixel buffer a column at a time: each quarter-pixel column gets the vertical span
 * the thick polyline covers there, and a pixel is as opaque as the share of it those spans cover. For a series with
 * about one point per column this looks the same as a stroked path. Why not canvas paths: JavaFX rasterises stroked
 * paths with its Java Marlin renderer, and in a freshly started studio compiling Marlin took 0.8 s of CPU during the
 * first training epoch, taken from training on a 2-core machine (docs/BENCHMARKS.md).
 */
final class ColumnRaster {
    /** Sub-columns per pixel column: horizontal anti-aliasing. */
    private static final int SUB = 4;
    private final int width;
    private final int height;
    private final int[] argb;

    ColumnRaster(int width, int height) {
        if (width < 1 || height < 1) throw new IllegalArgumentException("empty raster " + width + "x" + height);
        this.width = width;
        this.height = height;
        this.argb = new int[width * height];
    }

    int width() { return width; }
    int height() { return height; }

    void clear() {
        Arrays.fill(argb, 0);
    }

    /** The pixel at (x, y), premultiplied ARGB (tests). */
    int pixel(int x, int y) {
        return argb[y * width + x];
    }

    /**
     * Draws the polyline through (xs[i], ys[i]), in pixel coordinates, {@code thickness} pixels thick, blended over
     * what is already drawn.
     */
    void polyline(double[] xs, double[] ys, int n, double thickness, Color color) {
        if (n == 0) return;
        double[] top = new double[width * SUB], bottom = new double[width * SUB];
        Arrays.fill(top, Double.POSITIVE_INFINITY);
        Arrays.fill(bottom, Double.NEGATIVE_INFINITY);
        double half = thickness / 2;
        if (n == 1) thickSegment(top, bottom, xs[0] - half, ys[0], xs[0] + half, ys[0], half);
        for (int i = 1; i < n; i++) thickSegment(top, bottom, xs[i - 1], ys[i - 1], xs[i], ys[i], half);
        double[] coverage = new double[height];
        for (int c = 0; c < width; c++) fillColumn(c, top, bottom, coverage, color);
    }

    /**
     * Widens each sub-column's span to the part of the segment's thick band (a parallelogram: the segment moved
     * {@code half} pixels both ways along its normal) that lies in it.
     */
    private void thickSegment(double[] top, double[] bottom, double x0, double y0, double x1, double y1, double half) {
        double length = Math.hypot(x1 - x0, y1 - y0);
        double nx = length == 0 ? 0 : -(y1 - y0) / length * half, ny = length == 0 ? half : (x1 - x0) / length * half;
        double[] vx = {x0 + nx, x1 + nx, x1 - nx, x0 - nx}, vy = {y0 + ny, y1 + ny, y1 - ny, y0 - ny};
        double minX = Math.min(Math.min(vx[0], vx[1]), Math.min(vx[2], vx[3]));
        double maxX = Math.max(Math.max(vx[0], vx[1]), Math.max(vx[2], vx[3]));
        int first = Math.max(0, (int) Math.floor(minX * SUB)), last = Math.min(width * SUB - 1, (int) Math.floor(maxX * SUB));
        for (int k = first; k <= last; k++) {
            for (int e = 0; e < 4; e++) edgeInSubColumn(top, bottom, k, vx[e], vy[e], vx[(e + 1) % 4], vy[(e + 1) % 4]);
        }
    }

    /** Widens sub-column k's span to the part of edge (x0,y0)-(x1,y1) that lies in it. */
    private static void edgeInSubColumn(double[] top, double[] bottom, int k, double x0, double y0, double x1, double y1) {
        double from = Math.max((double) k / SUB, Math.min(x0, x1)), to = Math.min((double) (k + 1) / SUB, Math.max(x0, x1));
        if (from > to) return;
        double a = yAt(x0, y0, x1, y1, from), b = yAt(x0, y0, x1, y1, to);
        top[k] = Math.min(top[k], Math.min(a, b));
        bottom[k] = Math.max(bottom[k], Math.max(a, b));
    }

    private static double yAt(double x0, double y0, double x1, double y1, double x) {
        return x1 == x0 ? y0 : y0 + (y1 - y0) * (x - x0) / (x1 - x0);
    }

    /** Blends column c, each pixel as opaque as the share of it its sub-columns' spans cover (anti-aliasing). */
    private void fillColumn(int c, double[] top, double[] bottom, double[] coverage, Color color) {
        int lowest = height, highest = -1;
        for (int k = c * SUB; k < (c + 1) * SUB; k++) {
            if (!(top[k] < bottom[k])) continue;
            int r0 = Math.max(0, (int) Math.floor(top[k])), r1 = Math.min(height - 1, (int) Math.ceil(bottom[k]) - 1);
            for (int r = r0; r <= r1; r++) coverage[r] += Math.max(0, Math.min(r + 1, bottom[k]) - Math.max(r, top[k])) / SUB;
            lowest = Math.min(lowest, r0);
            highest = Math.max(highest, r1);
        }
        for (int r = lowest; r <= highest; r++) {
            if (coverage[r] > 0) blend(r * width + c, color, color.getOpacity() * Math.min(1, coverage[r]));
            coverage[r] = 0;
        }
    }

    /** Source-over compositing of a colour at the given alpha onto a premultiplied ARGB pixel. */
    private void blend(int i, Color color, double alpha) {
        int dst = argb[i];
        double keep = 1 - alpha;
        int a = (int) Math.round(alpha * 255 + (dst >>> 24) * keep);
        int r = (int) Math.round(color.getRed() * alpha * 255 + ((dst >> 16) & 0xff) * keep);
        int g = (int) Math.round(color.getGreen() * alpha * 255 + ((dst >> 8) & 0xff) * keep);
        int b = (int) Math.round(color.getBlue() * alpha * 255 + (dst & 0xff) * keep);
        argb[i] = a << 24 | r << 16 | g << 8 | b;
    }

    /**
     * The pixels as premultiplied ARGB ({@link javafx.scene.image.PixelFormat#getIntArgbPreInstance()}), for a
     * {@link javafx.scene.image.PixelBuffer}: JavaFX then shows them without converting them.
     */
    IntBuffer pixels() {
        return IntBuffer.wrap(argb);
    }
}
