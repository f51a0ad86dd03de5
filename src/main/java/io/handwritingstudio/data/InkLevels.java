package io.handwritingstudio.data;

/**
 * Gives one set of images the grey-level distribution of another (histogram matching over all pixels). EMNIST
 * blurred its letters before shrinking them, MNIST's digits have crisp anti-aliased edges: trained on both as they
 * are, a network tells letters from digits by that softness (measured: 92% of test letters right, but under half of
 * drawn letters, whose strokes are crisp like MNIST's). Matching the letters' levels to the digits' makes their
 * strokes as crisp and as thin, so only shape is left to tell them apart.
 */
final class InkLevels {
    private static final int LEVELS = 256;

    private InkLevels() {
    }

    /** {@code images} with every grey level mapped so their histogram follows {@code reference}'s. */
    static LabeledImages matchTo(LabeledImages images, LabeledImages reference) {
        int[] map = mapping(cdf(images.sharedPixels()), cdf(reference.sharedPixels()));
        byte[] src = images.sharedPixels();
        byte[] out = new byte[src.length];
        for (int i = 0; i < src.length; i++) out[i] = (byte) map[src[i] & 0xFF];
        return new LabeledImages(out, images.labels(), images.rows(), images.cols(), images.classes());
    }

    /** For each level of the source, the reference level at the same quantile (the middle of the source's bin). */
    static int[] mapping(double[] sourceCdf, double[] referenceCdf) {
        int[] map = new int[LEVELS];
        int u = 0;
        for (int v = 0; v < LEVELS; v++) {
            double q = (v == 0 ? 0 : sourceCdf[v - 1]) / 2 + sourceCdf[v] / 2;
            while (u < LEVELS - 1 && referenceCdf[u] < q) u++;
            map[v] = u;
        }
        return map;
    }

    /** Cumulative share of pixels at or below each level. */
    static double[] cdf(byte[] pixels) {
        long[] counts = new long[LEVELS];
        for (byte b : pixels) counts[b & 0xFF]++;
        double[] cdf = new double[LEVELS];
        long running = 0;
        for (int v = 0; v < LEVELS; v++) {
            running += counts[v];
            cdf[v] = running / (double) Math.max(1, pixels.length);
        }
        return cdf;
    }
}
