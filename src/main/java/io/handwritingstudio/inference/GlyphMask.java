package io.handwritingstudio.inference;

/**
 * Keeps the connected ink blobs that make up the glyph and drops isolated specks (dust, sensor noise,
 * salt-and-pepper), which would otherwise stretch the bounding box. Blobs are 8-connected.
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
        int[] label = new int[w * h];
        int[] stack = new int[w * h];
        // Per blob: area and bounding box; grown as blobs are found.
        int[] area = new int[16];
        int[][] box = new int[16][];
        int blobs = 0;
        for (int start = 0; start < ink.length; start++) {
            if (!ink[start] || label[start] != 0) continue;
            if (blobs + 1 >= area.length) {
                area = java.util.Arrays.copyOf(area, area.length * 2);
                box = java.util.Arrays.copyOf(box, box.length * 2);
            }
            int id = ++blobs;
            int[] b = {w, h, -1, -1};
            int sp = 0;
            stack[sp++] = start;
            label[start] = id;
            while (sp > 0) {
                int p = stack[--sp];
                int x = p % w;
                int y = p / w;
                area[id]++;
                b[0] = Math.min(b[0], x); b[1] = Math.min(b[1], y);
                b[2] = Math.max(b[2], x); b[3] = Math.max(b[3], y);
                for (int dy = -1; dy <= 1; dy++) {
                    int ny = y + dy;
                    if (ny < 0 || ny >= h) continue;
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx;
                        if (nx < 0 || nx >= w) continue;
                        int q = ny * w + nx;
                        if (ink[q] && label[q] == 0) {
                            label[q] = id;
                            stack[sp++] = q;
                        }
                    }
                }
            }
            box[id] = b;
        }
        return select(label, area, box, blobs, w, h);
    }

    private static GlyphMask select(int[] label, int[] area, int[][] box, int blobs, int w, int h) {
        int largest = 0;
        for (int i = 1; i <= blobs; i++) largest = Math.max(largest, area[i]);
        int minArea = (int) Math.max(MIN_AREA, Math.round(MIN_AREA_FRACTION * w * h));
        boolean[] keep = new boolean[blobs + 1];
        if (largest < minArea) return new GlyphMask(new boolean[w * h], 0, 0, 0, 0);

        int l = w, t = h, r = -1, b = -1;
        for (int i = 1; i <= blobs; i++) {
            if (area[i] >= MAIN_FRACTION * largest) {
                keep[i] = true;
                l = Math.min(l, box[i][0]); t = Math.min(t, box[i][1]);
                r = Math.max(r, box[i][2]); b = Math.max(b, box[i][3]);
            }
        }
        int margin = Math.round(NEAR_MARGIN * Math.max(r - l + 1, b - t + 1));
        int nl = l - margin, nt = t - margin, nr = r + margin, nb = b + margin;
        for (int i = 1; i <= blobs; i++) {
            if (keep[i] || area[i] < Math.max(2, NEAR_FRACTION * largest)) continue;
            int[] bx = box[i];
            if (bx[0] >= nl && bx[1] >= nt && bx[2] <= nr && bx[3] <= nb) {
                keep[i] = true;
                l = Math.min(l, bx[0]); t = Math.min(t, bx[1]);
                r = Math.max(r, bx[2]); b = Math.max(b, bx[3]);
            }
        }
        boolean[] kept = new boolean[w * h];
        for (int p = 0; p < kept.length; p++) kept[p] = keep[label[p]];
        return new GlyphMask(kept, l, t, r + 1, b + 1);
    }
}
