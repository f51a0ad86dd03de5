package io.handwritingstudio.inference;

import java.util.Arrays;

/** Robust statistics on float samples. */
final class Stats {
    /** Scales a median absolute deviation to a Gaussian standard deviation. */
    static final float MAD_TO_SIGMA = 1.4826f;

    private Stats() {
    }

    /** The q-quantile (0..1) of the first {@code n} values; the array is copied, not reordered. */
    static float quantile(float[] values, int n, double q) {
        if (n == 0) return 0f;
        float[] copy = Arrays.copyOf(values, n);
        Arrays.sort(copy);
        int i = (int) Math.min(n - 1, Math.max(0, Math.round(q * (n - 1))));
        return copy[i];
    }

    static float median(float[] values, int n) {
        return quantile(values, n, 0.5);
    }

    /** Robust sigma of the first {@code n} values around {@code center}. */
    static float madSigma(float[] values, int n, float center) {
        float[] dev = new float[n];
        for (int i = 0; i < n; i++) dev[i] = Math.abs(values[i] - center);
        return MAD_TO_SIGMA * median(dev, n);
    }

    /**
     * Otsu's threshold of non-negative values: the level that best splits them into two classes
     * (maximal between-class variance), from a 256-bin histogram over 0..max.
     */
    static float otsu(float[] values) {
        float max = 0f;
        for (float v : values) max = Math.max(max, v);
        if (max <= 0f) return 0f;
        int bins = 256;
        long[] hist = new long[bins];
        for (float v : values) hist[Math.min(bins - 1, (int) (Math.max(0f, v) / max * bins))]++;
        long total = values.length;
        double sumAll = 0;
        for (int i = 0; i < bins; i++) sumAll += (double) i * hist[i];
        double sumBelow = 0;
        long below = 0;
        double best = -1;
        int bestBin = 0;
        for (int t = 0; t < bins; t++) {
            below += hist[t];
            sumBelow += (double) t * hist[t];
            long above = total - below;
            if (below == 0 || above == 0) continue;
            double meanBelow = sumBelow / below;
            double meanAbove = (sumAll - sumBelow) / above;
            double between = (double) below * above * (meanBelow - meanAbove) * (meanBelow - meanAbove);
            if (between > best) {
                best = between;
                bestBin = t;
            }
        }
        return (bestBin + 1) * max / bins; // upper edge of the last "background" bin
    }
}
