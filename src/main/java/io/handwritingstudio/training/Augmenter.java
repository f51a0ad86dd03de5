package io.handwritingstudio.training;

import java.util.SplittableRandom;

/**
 * Small random affine distortions of a 28x28 image (rotation, scale, shift), the kind of variation real handwriting
 * has. Bilinear sampling, a few microseconds per image: cheap enough to run on the fly for every batch.
 */
public final class Augmenter {
    private final double maxDegrees;
    private final double maxScale;
    private final double maxShift;

    public Augmenter(double maxDegrees, double maxScale, double maxShift) {
        this.maxDegrees = maxDegrees;
        this.maxScale = maxScale;
        this.maxShift = maxShift;
    }

    /** Rotation ±10°, scale ±10%, shift ±2 px: distortions that keep a digit a digit. */
    public static Augmenter standard() {
        return new Augmenter(10, 0.10, 2.0);
    }

    /** Writes a distorted copy of {@code src[srcOff..srcOff+side*side)} into {@code dst} at {@code dstOff}. */
    public void distort(float[] src, int srcOff, float[] dst, int dstOff, int side, SplittableRandom rng) {
        double angle = Math.toRadians((rng.nextDouble() * 2 - 1) * maxDegrees);
        double scale = 1 + (rng.nextDouble() * 2 - 1) * maxScale;
        double dx = (rng.nextDouble() * 2 - 1) * maxShift;
        double dy = (rng.nextDouble() * 2 - 1) * maxShift;
        // Inverse mapping: for every output pixel find where it comes from in the source.
        double cos = Math.cos(angle) / scale;
        double sin = Math.sin(angle) / scale;
        double c = (side - 1) / 2.0;
        for (int y = 0; y < side; y++) {
            double oy = y - c - dy;
            for (int x = 0; x < side; x++) {
                double ox = x - c - dx;
                double sx = cos * ox + sin * oy + c;
                double sy = -sin * ox + cos * oy + c;
                dst[dstOff + y * side + x] = sample(src, srcOff, side, sx, sy);
            }
        }
    }

    private static float sample(float[] img, int off, int side, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        if (x0 < -1 || y0 < -1 || x0 >= side || y0 >= side) return 0f;
        float fx = (float) (x - x0);
        float fy = (float) (y - y0);
        float a = at(img, off, side, x0, y0);
        float b = at(img, off, side, x0 + 1, y0);
        float c = at(img, off, side, x0, y0 + 1);
        float d = at(img, off, side, x0 + 1, y0 + 1);
        return (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy;
    }

    private static float at(float[] img, int off, int side, int x, int y) {
        return (x < 0 || y < 0 || x >= side || y >= side) ? 0f : img[off + y * side + x];
    }
}
