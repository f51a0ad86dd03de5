package io.handwritingstudio.inference.reading;

import io.handwritingstudio.inference.InkMap;

import java.util.ArrayList;
import java.util.List;

/** One 8-connected piece of ink: its pixels (indices into the ink map) and bounding box (right, bottom exclusive). */
record Blob(int[] pixels, int left, int top, int right, int bottom) {

    int area() { return pixels.length; }
    int width() { return right - left; }
    int height() { return bottom - top; }

    /** Every connected component of the map's ink mask, found with an explicit stack (no recursion depth limit). */
    static List<Blob> find(InkMap map) {
        int w = map.width();
        int h = map.height();
        boolean[] seen = new boolean[w * h];
        int[] stack = new int[256];
        List<Blob> blobs = new ArrayList<>();
        for (int start = 0; start < w * h; start++) {
            if (seen[start] || !map.isInk(start % w, start / w)) continue;
            int l = w, t = h, r = -1, b = -1;
            int n = 0;
            int sp = 0;
            stack[sp++] = start;
            seen[start] = true;
            int[] pixels = new int[64];
            while (sp > 0) {
                int p = stack[--sp];
                if (n == pixels.length) pixels = java.util.Arrays.copyOf(pixels, n * 2);
                pixels[n++] = p;
                int x = p % w;
                int y = p / w;
                l = Math.min(l, x); t = Math.min(t, y); r = Math.max(r, x); b = Math.max(b, y);
                for (int dy = -1; dy <= 1; dy++) {
                    int ny = y + dy;
                    if (ny < 0 || ny >= h) continue;
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx;
                        if (nx < 0 || nx >= w) continue;
                        int q = ny * w + nx;
                        if (!seen[q] && map.isInk(nx, ny)) {
                            seen[q] = true;
                            if (sp == stack.length) stack = java.util.Arrays.copyOf(stack, sp * 2);
                            stack[sp++] = q;
                        }
                    }
                }
            }
            blobs.add(new Blob(java.util.Arrays.copyOf(pixels, n), l, t, r + 1, b + 1));
        }
        return blobs;
    }
}
