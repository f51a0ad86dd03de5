package io.handwritingstudio.data;

/**
 * Re-frames 28x28 characters the way MNIST framed its digits: the ink's longer side 20 px, centre of mass at the
 * middle. EMNIST's letters fill 24 px and are centred by their box, so a network trained on both learns "small means
 * digit" and reads a drawn O as 0 (every custom image is framed MNIST's way). Pure byte arithmetic, so the data
 * layer needs nothing from inference; {@code inference.Framing} documents the same two framings for custom images.
 */
public final class MnistFraming {
    private static final int BOX = 20;
    /** Ink at or above this grey level (of 255) counts for the bounding box; EMNIST's blur leaves fainter fringes. */
    private static final int INK = 16;
    /** Sub-samples per output pixel along each axis: an area average, so shrinking 24 to 20 px keeps strokes smooth. */
    private static final int SUB = 4;

    private MnistFraming() {
    }

    public static LabeledImages apply(LabeledImages images) {
        int side = images.rows();
        int px = images.pixelsPerImage();
        byte[] src = images.sharedPixels();
        byte[] out = new byte[images.size() * px];
        for (int i = 0; i < images.size(); i++) reframe(src, i * px, out, i * px, side);
        return new LabeledImages(out, images.labels(), side, images.cols(), images.classes());
    }

    /** One square image of {@code side}² bytes from {@code src[from]} into {@code dst[to]}. */
    static void reframe(byte[] src, int from, byte[] dst, int to, int side) {
        int left = side, top = side, right = -1, bottom = -1;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                if ((src[from + y * side + x] & 0xFF) < INK) continue;
                left = Math.min(left, x);
                right = Math.max(right, x);
                top = Math.min(top, y);
                bottom = Math.max(bottom, y);
            }
        }
        if (right < 0) {
            System.arraycopy(src, from, dst, to, side * side);
            return;
        }
        int w = right - left + 1;
        int h = bottom - top + 1;
        double scale = (double) BOX / Math.max(w, h);
        int gw = Math.max(1, (int) Math.round(w * scale));
        int gh = Math.max(1, (int) Math.round(h * scale));
        float[] glyph = new float[gw * gh];
        double mass = 0, mx = 0, my = 0;
        for (int gy = 0; gy < gh; gy++) {
            for (int gx = 0; gx < gw; gx++) {
                float v = areaSample(src, from, side, left + gx / scale, top + gy / scale, 1 / scale);
                glyph[gy * gw + gx] = v;
                mass += v;
                mx += v * gx;
                my += v * gy;
            }
        }
        int ox = clampOffset(mass > 0 ? mx / mass : (gw - 1) / 2.0, gw, side);
        int oy = clampOffset(mass > 0 ? my / mass : (gh - 1) / 2.0, gh, side);
        java.util.Arrays.fill(dst, to, to + side * side, (byte) 0);
        for (int gy = 0; gy < gh; gy++) {
            for (int gx = 0; gx < gw; gx++) {
                dst[to + (gy + oy) * side + gx + ox] = (byte) Math.min(255, Math.round(glyph[gy * gw + gx]));
            }
        }
    }

    /** Where the glyph's top-left goes so its centre of mass lands mid-frame, without pushing ink off the edge. */
    private static int clampOffset(double centre, int extent, int side) {
        return (int) Math.max(0, Math.min(side - extent, Math.round(side / 2.0 - centre)));
    }

    /** Mean grey of the source square at ({@code x0}, {@code y0}) with side {@code span}, bilinear sub-samples. */
    private static float areaSample(byte[] src, int from, int side, double x0, double y0, double span) {
        double sum = 0;
        for (int j = 0; j < SUB; j++) {
            double sy = y0 + (j + 0.5) * span / SUB - 0.5;
            for (int i = 0; i < SUB; i++) sum += bilinear(src, from, side, x0 + (i + 0.5) * span / SUB - 0.5, sy);
        }
        return (float) (sum / (SUB * SUB));
    }

    private static double bilinear(byte[] src, int from, int side, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        return (1 - fy) * ((1 - fx) * at(src, from, side, x0, y0) + fx * at(src, from, side, x0 + 1, y0))
                + fy * ((1 - fx) * at(src, from, side, x0, y0 + 1) + fx * at(src, from, side, x0 + 1, y0 + 1));
    }

    private static int at(byte[] src, int from, int side, int x, int y) {
        return x < 0 || y < 0 || x >= side || y >= side ? 0 : src[from + y * side + x] & 0xFF;
    }
}
