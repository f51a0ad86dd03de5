package io.handwritingstudio.inference;

import java.util.Arrays;

/**
 * Salt-and-pepper noise: many single pixels pass the ink threshold, and the ones touching a stroke join it.
 * A 3x3 median removes them, but it would also erase 1-pixel strokes, so it is used only when the image
 * really has that kind of noise.
 */
final class Despeckle {
    /** Isolated ink pixels above this fraction of the image mean impulse noise, not a few dust specks. */
    private static final double ISOLATED_FRACTION = 0.001;

    private Despeckle() {
    }

    static boolean hasImpulseNoise(boolean[] mask, int w, int h) {
        long isolated = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (mask[y * w + x] && neighbours(mask, w, h, x, y) == 0) isolated++;
            }
        }
        return isolated > ISOLATED_FRACTION * w * h;
    }

    private static int neighbours(boolean[] mask, int w, int h, int x, int y) {
        int n = 0;
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int nx = x + dx, ny = y + dy;
                if ((dx != 0 || dy != 0) && nx >= 0 && ny >= 0 && nx < w && ny < h && mask[ny * w + nx]) n++;
            }
        }
        return n;
    }

    /** 3x3 median; edge pixels use the part of the window inside the image. */
    static GrayImage median3x3(GrayImage img) {
        int w = img.width();
        int h = img.height();
        float[] out = new float[w * h];
        float[] win = new float[9];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int n = 0;
                for (int ny = Math.max(0, y - 1); ny <= Math.min(h - 1, y + 1); ny++) {
                    for (int nx = Math.max(0, x - 1); nx <= Math.min(w - 1, x + 1); nx++) win[n++] = img.get(nx, ny);
                }
                Arrays.sort(win, 0, n);
                out[y * w + x] = win[n / 2];
            }
        }
        return new GrayImage(w, h, out);
    }
}
