package io.handwritingstudio.inference;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;

/**
 * Converts any BufferedImage to luminance 0..1 (0 = black), averaging k x k blocks on the way so a
 * 4000x3000 photo never exists as a full-size float array.
 */
final class Luminance {
    private Luminance() {
    }

    /** Luminance with each output pixel the mean of a {@code k x k} source block (edge blocks may be smaller). */
    static GrayImage read(BufferedImage image, int k) {
        int w = image.getWidth();
        int h = image.getHeight();
        int ow = (w + k - 1) / k;
        int oh = (h + k - 1) / k;
        float[] sum = new float[ow * oh];
        float[] row = new float[w];
        RowReader reader = rowReader(image);
        for (int y = 0; y < h; y++) {
            reader.read(y, row);
            int base = (y / k) * ow;
            for (int x = 0; x < w; x++) sum[base + x / k] += row[x];
        }
        for (int by = 0; by < oh; by++) {
            int rows = Math.min(k, h - by * k);
            for (int bx = 0; bx < ow; bx++) {
                int cols = Math.min(k, w - bx * k);
                sum[by * ow + bx] /= rows * cols;
            }
        }
        return new GrayImage(ow, oh, sum);
    }

    private interface RowReader {
        void read(int y, float[] out);
    }

    private static RowReader rowReader(BufferedImage image) {
        int w = image.getWidth();
        if (isPlainGray(image)) {
            // getRGB would treat grey as linear light and brighten it; the stored value is what people see.
            Raster raster = image.getRaster();
            float scale = 1f / ((1 << image.getColorModel().getComponentSize(0)) - 1);
            int[] samples = new int[w];
            return (y, out) -> {
                raster.getSamples(0, y, w, 1, 0, samples);
                for (int x = 0; x < w; x++) out[x] = samples[x] * scale;
            };
        }
        float paper = image.getColorModel().hasAlpha() ? paperBehindTransparency(image) : 1f;
        int[] argb = new int[w];
        return (y, out) -> {
            image.getRGB(0, y, w, 1, argb, 0, w);
            for (int x = 0; x < w; x++) {
                int p = argb[x];
                float a = (p >>> 24) / 255f;
                out[x] = a * luma(p) + (1f - a) * paper;
            }
        };
    }

    private static boolean isPlainGray(BufferedImage image) {
        var cm = image.getColorModel();
        return !cm.hasAlpha() && cm.getNumComponents() == 1 && image.getRaster().getNumBands() == 1
                && cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY
                && cm.getComponentSize(0) <= 16;
    }

    /** Rec. 601 luma of an sRGB pixel, 0..1. */
    static float luma(int argb) {
        int r = (argb >> 16) & 0xFF;
        int g = (argb >> 8) & 0xFF;
        int b = argb & 0xFF;
        return (0.299f * r + 0.587f * g + 0.114f * b) / 255f;
    }

    /**
     * What to show where the image is transparent. If most of it is transparent (a drawing canvas), the
     * transparent part is the background, so it gets the colour that contrasts with the strokes; otherwise
     * transparency is just a margin and blends into the opaque paper.
     */
    private static float paperBehindTransparency(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int step = (int) Math.max(1, Math.sqrt((double) w * h / 250_000)); // a sample is plenty for two means
        double alphaSum = 0;
        double lumSum = 0;
        long transparent = 0;
        long count = 0;
        for (int y = 0; y < h; y += step) {
            for (int x = 0; x < w; x += step) {
                int p = image.getRGB(x, y);
                float a = (p >>> 24) / 255f;
                alphaSum += a;
                lumSum += a * luma(p);
                if (a < 0.5f) transparent++;
                count++;
            }
        }
        if (alphaSum < 1e-6) return 1f; // fully transparent: a blank sheet
        float opaqueMean = (float) (lumSum / alphaSum);
        if (transparent * 2 > count) return opaqueMean < 0.5f ? 1f : 0f;
        return opaqueMean;
    }
}
