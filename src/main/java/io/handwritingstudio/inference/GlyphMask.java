package io.handwritingstudio.inference;

/**
 * Keeps the connected ink blobs that make up the glyph and drops isolated specks (dust, sensor noise,
 * salt-and-pepper), which would otherwise stretch the bounding box. Blobs are 8-connected ({@link Components}).
 */
final class GlyphMask {
    /** Blobs at least this fraction of the largest are glyph parts wherever they are (the two strokes of a 4). */
    private static final float MAIN_FRACTION = 0.2f;
    /** Smaller blobs survive only close to the glyph (the dot of an i) and if not mere dust. */
    private static final float NEAR_FRACTION = 0.03f;
    private static final float NEAR_MARGIN = 0.25f;
    /** The glyph needs some pixels: 2e-5 of the image but at least 4 (a few noise pixels are not a digit). */
    private static final double MIN_AREA_FRACTION = 2e-5;
    private static final int MIN_AREA = 4;

    final boolean[] kept;
    final int left;
    final int top;
    final int right;  // exclusive
    final int bottom; // exclusive

    private GlyphMask(boolean[] kept, int left, int top, int right, int bottom) {
        this.kept = kept;
        this.left = left;
        this.top = top;
        this.right = right;
        this.bottom = bottom;
    }

    boolean isEmpty() {
        return right <= left;
    }

    static GlyphMask of(boolean[] ink, int w, int h) {
        return select(Components.of(ink, w, h), w, h);
    }

    private static GlyphMask select(Components blobs, int w, int h) {
        int largest = 0;
        for (int i = 1; i <= blobs.count(); i++) largest = Math.max(largest, blobs.area(i));
        int minArea = (int) Math.max(MIN_AREA, Math.round(MIN_AREA_FRACTION * w * h));
        boolean[] keep = new boolean[blobs.count() + 1];
        if (largest < minArea) return new GlyphMask(new boolean[w * h], 0, 0, 0, 0);

        int l = w, t = h, r = -1, b = -1;
        for (int i = 1; i <= blobs.count(); i++) {
            if (blobs.area(i) >= MAIN_FRACTION * largest) {
                keep[i] = true;
                int[] bx = blobs.box(i);
                l = Math.min(l, bx[0]); t = Math.min(t, bx[1]);
                r = Math.max(r, bx[2]); b = Math.max(b, bx[3]);
            }
        }
        int margin = Math.round(NEAR_MARGIN * Math.max(r - l + 1, b - t + 1));
        int nl = l - margin, nt = t - margin, nr = r + margin, nb = b + margin;
        for (int i = 1; i <= blobs.count(); i++) {
            if (keep[i] || blobs.area(i) < Math.max(2, NEAR_FRACTION * largest)) continue;
            int[] bx = blobs.box(i);
            if (bx[0] >= nl && bx[1] >= nt && bx[2] <= nr && bx[3] <= nb) {
                keep[i] = true;
                l = Math.min(l, bx[0]); t = Math.min(t, bx[1]);
                r = Math.max(r, bx[2]); b = Math.max(b, bx[3]);
            }
        }
        boolean[] kept = new boolean[w * h];
        for (int p = 0; p < kept.length; p++) kept[p] = keep[blobs.labelAt(p)];
        return new GlyphMask(kept, l, t, r + 1, b + 1);
    }
}
