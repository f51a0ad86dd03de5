package io.handwritingstudio.inference.reading;

import io.handwritingstudio.inference.Components;
import io.handwritingstudio.inference.InkMap;

import java.util.ArrayList;
import java.util.List;

/** One 8-connected piece of ink: its pixels (indices into the ink map) and bounding box (right, bottom exclusive). */
record Blob(int[] pixels, int left, int top, int right, int bottom) {

    int area() { return pixels.length; }
    int width() { return right - left; }
    int height() { return bottom - top; }

    /** Every connected component of the map's ink mask, in the order of their first pixel. */
    static List<Blob> find(InkMap map) {
        Components pieces = Components.of(map);
        int[][] pixels = pieces.pixels();
        List<Blob> blobs = new ArrayList<>(pieces.count());
        for (int id = 1; id <= pieces.count(); id++) {
            int[] b = pieces.box(id);
            blobs.add(new Blob(pixels[id], b[0], b[1], b[2] + 1, b[3] + 1));
        }
        return blobs;
    }
}
