package io.handwritingstudio.training;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Random distortions of a 28x28 image, the kind of variation real handwriting has: rotation, scale, shift, and for
 * the harder profile slant, a rubber-sheet (elastic) warp and thicker or thinner strokes. Bilinear sampling, tens of
 * microseconds per image: cheap enough to run on the fly for every batch, on the prefetch thread.
 */
public final class Augmenter {
    private final double maxDegrees;
    private final double maxScale;
    private final double maxShift;
    private final double maxShear;
    private final double elasticAlpha;
    private final double[] elasticKernel;
    private final double strokeChance;

    public Augmenter(double maxDegrees, double maxScale, double maxShift) {
        this(maxDegrees, maxScale, maxShift, 0, 0, 0, 0);
    }

    /**
     * @param maxShear     slant: x moves by up to this fraction of y
     * @param elasticAlpha largest displacement of the smoothed random field, in pixels (0 = none)
     * @param elasticSigma smoothness of that field, in pixels (Simard et al. 2003 use 4 on 28x28)
     * @param strokeChance chance of a thicker stroke, and the same chance of a thinner one
     */
    public Augmenter(double maxDegrees, double maxScale, double maxShift, double maxShear, double elasticAlpha,
                     double elasticSigma, double strokeChance) {
        this.maxDegrees = maxDegrees;
        this.maxScale = maxScale;
        this.maxShift = maxShift;
        this.maxShear = maxShear;
        this.elasticAlpha = elasticAlpha;
        this.elasticKernel = elasticAlpha > 0 ? gaussian(elasticSigma) : null;
        this.strokeChance = strokeChance;
    }

    /** Rotation ±10°, scale ±10%, shift ±2 px: distortions that keep a digit a digit. */
    public static Augmenter standard() {
        return new Augmenter(10, 0.10, 2.0);
    }

    /**
     * For letters, whose writers vary more than MNIST's: slant ±0.3, a gentle elastic warp (about 0.5 px typical, 2 px at most), and one
     * image in four drawn with a thicker or thinner pen, on top of the standard distortions.
     */
    public static Augmenter handwriting() {
        return new Augmenter(10, 0.10, 2.0, 0.3, 10.0, 3.0, 0.125);
    }

    /** The profile for a dataset: letters (alone or with digits) get {@link #handwriting()}, the rest the standard one. */
    public static Augmenter forDataset(String dataset) {
        return dataset != null && (dataset.equals("letters") || dataset.equals("characters")) ? handwriting() : standard();
    }

    /** For the model card: what the training images went through. */
    public String describe() {
        String base = String.format(Locale.ROOT, "rotation ±%.0f°, scale ±%.0f%%, shift ±%.0f px", maxDegrees,
                maxScale * 100, maxShift);
        if (maxShear == 0 && elasticAlpha == 0 && strokeChance == 0) return base;
        return base + String.format(Locale.ROOT, ", slant ±%.2f, elastic warp (alpha %.0f), pen width ±1 (%.0f%% each way)",
                maxShear, elasticAlpha, strokeChance * 100);
    }

    /** Writes a distorted copy of {@code src[srcOff..srcOff+side*side)} into {@code dst} at {@code dstOff}. */
    public void distort(float[] src, int srcOff, float[] dst, int dstOff, int side, SplittableRandom rng) {
        double angle = Math.toRadians((rng.nextDouble() * 2 - 1) * maxDegrees);
        double scale = 1 + (rng.nextDouble() * 2 - 1) * maxScale;
        double dx = (rng.nextDouble() * 2 - 1) * maxShift;
        double dy = (rng.nextDouble() * 2 - 1) * maxShift;
        double shear = maxShear == 0 ? 0 : (rng.nextDouble() * 2 - 1) * maxShear;
        double[][] field = elasticKernel == null ? null : elasticField(side, rng);
        // Inverse mapping: for every output pixel find where it comes from in the source.
        double cos = Math.cos(angle) / scale;
        double sin = Math.sin(angle) / scale;
        double c = (side - 1) / 2.0;
        for (int y = 0; y < side; y++) {
            double oy = y - c - dy;
            for (int x = 0; x < side; x++) {
                double ox = x - c - dx + shear * oy;
                double sx = cos * ox + sin * oy + c;
                double sy = -sin * ox + cos * oy + c;
                if (field != null) {
                    sx += field[0][y * side + x];
                    sy += field[1][y * side + x];
                }
                dst[dstOff + y * side + x] = sample(src, srcOff, side, sx, sy);
            }
        }
        if (strokeChance > 0) {
            double which = rng.nextDouble();
            if (which < strokeChance) pen(dst, dstOff, side, true);
            else if (which < 2 * strokeChance) pen(dst, dstOff, side, false);
        }
    }

    /** Two random displacement maps, smoothed so neighbouring pixels move together (a rubber sheet, not noise). */
    private double[][] elasticField(int side, SplittableRandom rng) {
        double[][] field = new double[2][side * side];
        for (double[] f : field) {
            for (int i = 0; i < f.length; i++) f[i] = rng.nextDouble() * 2 - 1;
            smooth(f, side);
            for (int i = 0; i < f.length; i++) f[i] *= elasticAlpha;
        }
        return field;
    }

    private void smooth(double[] f, int side) {
        double[] tmp = new double[f.length];
        int r = elasticKernel.length / 2;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                double s = 0;
                for (int k = -r; k <= r; k++) s += elasticKernel[k + r] * f[y * side + clamp(x + k, side)];
                tmp[y * side + x] = s;
            }
        }
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                double s = 0;
                for (int k = -r; k <= r; k++) s += elasticKernel[k + r] * tmp[clamp(y + k, side) * side + x];
                f[y * side + x] = s;
            }
        }
    }

    private static double[] gaussian(double sigma) {
        int r = (int) Math.ceil(2 * sigma);
        double[] k = new double[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) sum += k[i + r] = Math.exp(-i * i / (2 * sigma * sigma));
        for (int i = 0; i < k.length; i++) k[i] /= sum;
        return k;
    }

    /**
     * A pen one pixel wider (each pixel takes most of its brightest 4-neighbour's ink) or finer (each pixel moves
     * halfway to its darkest 4-neighbour, so edges lose ink and cores keep it).
     */
    private static void pen(float[] img, int off, int side, boolean wider) {
        float[] copy = java.util.Arrays.copyOfRange(img, off, off + side * side);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                float l = at(copy, 0, side, x - 1, y), r = at(copy, 0, side, x + 1, y);
                float u = at(copy, 0, side, x, y - 1), d = at(copy, 0, side, x, y + 1);
                float v = copy[y * side + x];
                img[off + y * side + x] = wider ? Math.max(v, 0.8f * Math.max(Math.max(l, r), Math.max(u, d)))
                        : 0.5f * (v + Math.min(v, Math.min(Math.min(l, r), Math.min(u, d))));
            }
        }
    }

    private static int clamp(int i, int side) {
        return i < 0 ? 0 : i >= side ? side - 1 : i;
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
