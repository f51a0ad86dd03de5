package io.handwritingstudio.inference.reading;

import io.handwritingstudio.inference.Framing;
import io.handwritingstudio.inference.InkMap;

/**
 * The ink of a group between two columns (the whole group, or one side of a cut), framed as the model's training
 * images were ({@link Framing}).
 * Box in working pixels, right and bottom exclusive.
 */
record Piece(int left, int top, int right, int bottom, float[] pixels) {

    int width() { return right - left; }
    int height() { return bottom - top; }

    /** The group's ink in columns {@code [x0, x1)}, or null if there is none. */
    static Piece of(InkMap map, Group group, int x0, int x1, Framing framing) {
        int[] from = new int[group.height()];
        int[] to = new int[group.height()];
        java.util.Arrays.fill(from, x0);
        java.util.Arrays.fill(to, x1);
        return of(map, group, from, to, framing);
    }

    /**
     * The group's ink between two cut paths: in row {@code group.top + i}, columns {@code [from[i], to[i])}. Null if
     * there is none.
     */
    static Piece of(InkMap map, Group group, int[] from, int[] to, Framing framing) {
        int w = map.width();
        int l = Integer.MAX_VALUE, t = Integer.MAX_VALUE, r = -1, b = -1;
        for (Blob blob : group.blobs) {
            for (int p : blob.pixels()) {
                int x = p % w;
                int y = p / w;
                int row = y - group.top;
                if (x < from[row] || x >= to[row]) continue;
                l = Math.min(l, x); t = Math.min(t, y); r = Math.max(r, x); b = Math.max(b, y);
            }
        }
        if (r < 0) return null;
        int pw = r - l + 1;
        int ph = b - t + 1;
        boolean[] kept = new boolean[pw * ph];
        for (Blob blob : group.blobs) {
            for (int p : blob.pixels()) {
                int x = p % w;
                int y = p / w;
                int row = y - group.top;
                if (x < from[row] || x >= to[row]) continue;
                kept[(y - t) * pw + x - l] = true;
            }
        }
        return new Piece(l, t, r + 1, b + 1, map.frame(kept, l, t, pw, ph, framing));
    }
}
