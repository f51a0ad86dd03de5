package io.handwritingstudio.inference;

/**
 * Separable resizing with a triangle (tent) filter whose width follows the scale: bilinear when enlarging,
 * an anti-aliasing average over every covered source pixel when shrinking (MNIST digits are anti-aliased,
 * so a nearest-neighbour shrink would hand the network jagged, unfamiliar strokes).
 */
final class Resampler {
    private Resampler() {
    }

    static GrayImage resize(GrayImage src, int outWidth, int outHeight) {
        int w = src.width();
        int h = src.height();
        Taps[] tx = taps(w, outWidth);
        Taps[] ty = taps(h, outHeight);
        float[] in = src.values();
        float[] rows = new float[outWidth * h];
        for (int y = 0; y < h; y++) {
            for (int ox = 0; ox < outWidth; ox++) rows[y * outWidth + ox] = tx[ox].apply(in, y * w, 1);
        }
        float[] out = new float[outWidth * outHeight];
        for (int oy = 0; oy < outHeight; oy++) {
            for (int ox = 0; ox < outWidth; ox++) out[oy * outWidth + ox] = ty[oy].apply(rows, ox, outWidth);
        }
        return new GrayImage(outWidth, outHeight, out);
    }

    /** The source indices and normalised weights feeding one output sample. */
    private record Taps(int first, float[] weights) {
        float apply(float[] data, int offset, int stride) {
            float s = 0f;
            for (int i = 0; i < weights.length; i++) s += weights[i] * data[offset + (first + i) * stride];
            return s;
        }
    }

    private static Taps[] taps(int in, int out) {
        double scale = (double) out / in;
        double radius = scale < 1 ? 1 / scale : 1;
        Taps[] result = new Taps[out];
        for (int o = 0; o < out; o++) {
            double center = (o + 0.5) / scale - 0.5;
            int first = Math.max(0, (int) Math.ceil(center - radius));
            int last = Math.min(in - 1, (int) Math.floor(center + radius));
            float[] wts = new float[Math.max(1, last - first + 1)];
            double sum = 0;
            for (int i = first; i <= last; i++) {
                double wt = Math.max(0, 1 - Math.abs(i - center) / radius);
                wts[i - first] = (float) wt;
                sum += wt;
            }
            if (sum <= 0) { // centre exactly between taps at the very edge: take the nearest pixel
                first = (int) Math.max(0, Math.min(in - 1, Math.round(center)));
                wts = new float[] {1f};
                sum = 1;
            }
            for (int i = 0; i < wts.length; i++) wts[i] /= (float) sum;
            result[o] = new Taps(first, wts);
        }
        return result;
    }
}
