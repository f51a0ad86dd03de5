package io.handwritingstudio.inference.reading;

import io.handwritingstudio.inference.InkMap;

/**
 * The ink of a group between two columns (the whole group, or one side of a cut), framed MNIST-style.
 * Box in working pixels, right and bottom exclusive.
 */
record Piece(int left, int top, int right, int bottom, float[] pixels) {

    int width() { return right - left; }
    int height() { return bottom - top; }

    /** The group's ink in columns {@code [x0, x1)}, or null if there is none. */
    static Piece of(InkMap map, Group group, int x0, int x1) {
        int w = map.width();
        int l = Integer.MAX_VALUE, t = Integer.MAX_VALUE, r = -1, b = -1;
        for (Blob blob : group.blobs) {
            if (blob.right() <= x0 || blob.left() >= x1) continue;
            for (int p : blob.pixels()) {
                int x = p % w;
                if (x < x0 || x >= x1) continue;
                int y = p / w;
                l = Math.min(l, x); t = Math.min(t, y); r = Math.max(r, x); b = Math.max(b, y);
            }
        }
        if (r < 0) return null;
        int pw = r - l + 1;
        int ph = b - t + 1;
        boolean[] kept = new boolean[pw * ph];
        for (Blob blob : group.blobs) {
            if (blob.right() <= l || blob.left() > r) continue;
            for (int p : blob.pixels()) {
                int x = p % w;
                if (x < l || x > r) continue;
                kept[(p / w - t) * pw + x - l] = true;
            }
        }
        return new Piece(l, t, r + 1, b + 1, map.frame(kept, l, t, pw, ph));
    }
}
