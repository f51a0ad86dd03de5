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
        int i = (int) Math.min(n - 1, Math.max(0, Math.round(q * (n - 1))));
        return select(Arrays.copyOf(values, n), i);
    }

    /**
     * The k-th smallest value, reordering {@code a}. Quickselect is linear where a sort is n log n: the paper
     * fit takes a dozen medians per image, which made sorting most of the drawing pad's latency. The three-way
     * partition keeps it linear on the many equal values of clean paper.
     */
    static float select(float[] a, int k) {
        int lo = 0;
        int hi = a.length - 1;
        while (lo < hi) {
            float pivot = medianOf3(a[lo], a[lo + (hi - lo) / 2], a[hi]);
            int lt = lo, i = lo, gt = hi; // a[lo..lt) < pivot, a[lt..i) == pivot, a(gt..hi] > pivot
            while (i <= gt) {
                float v = a[i];
                if (v < pivot) swap(a, lt++, i++);
                else if (v > pivot) swap(a, i, gt--);
                else i++;
            }
            if (k < lt) hi = lt - 1;
            else if (k > gt) lo = gt + 1;
            else return pivot;
        }
        return a[k];
    }

    private static float medianOf3(float x, float y, float z) {
        return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    }

    private static void swap(float[] a, int i, int j) {
        float t = a[i];
        a[i] = a[j];
        a[j] = t;
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
