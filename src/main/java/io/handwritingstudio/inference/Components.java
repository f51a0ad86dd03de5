package io.handwritingstudio.inference;

import java.util.Arrays;

/**
 * The 8-connected pieces of an ink mask, found with an explicit stack (no recursion depth limit on a long stroke).
 * Pieces are numbered 1 to {@link #count} in the order of their first pixel, row by row; 0 is paper. One routine for
 * the glyph mask of a single character and the blobs of a written line.
 */
public final class Components {
    private final int[] labels;
    private final int count;
    private final int[] area;
    /** Per piece {left, top, right, bottom}, all inclusive. */
    private final int[][] box;

    private Components(int[] labels, int count, int[] area, int[][] box) {
        this.labels = labels;
        this.count = count;
        this.area = area;
        this.box = box;
    }

    public static Components of(InkMap map) {
        return of(map.mask(), map.width(), map.height());
    }

    /** {@code mask} is row-major, {@code w} by {@code h}. */
    public static Components of(boolean[] mask, int w, int h) {
        int[] label = new int[w * h];
        int[] stack = new int[w * h];
        int[] area = new int[16];
        int[][] box = new int[16][];
        int count = 0;
        for (int start = 0; start < mask.length; start++) {
            if (!mask[start] || label[start] != 0) continue;
            if (count + 1 >= area.length) {
                area = Arrays.copyOf(area, area.length * 2);
                box = Arrays.copyOf(box, box.length * 2);
            }
            int id = ++count;
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
                        if (mask[q] && label[q] == 0) {
                            label[q] = id;
                            stack[sp++] = q;
                        }
                    }
                }
            }
            box[id] = b;
        }
        return new Components(label, count, area, box);
    }

    public int count() { return count; }

    /** The piece pixel {@code p} (row-major index) belongs to; 0 for paper. */
    public int labelAt(int p) { return labels[p]; }

    public int area(int id) { return area[id]; }

    /** Piece {@code id}'s bounding box {left, top, right, bottom}, all inclusive. */
    public int[] box(int id) { return box[id].clone(); }

    /** Every piece's pixels (row-major indices, in row-major order); entry 0 is empty. */
    public int[][] pixels() {
        int[][] pixels = new int[count + 1][];
        int[] filled = new int[count + 1];
        for (int id = 0; id <= count; id++) pixels[id] = new int[id == 0 ? 0 : area[id]];
        for (int p = 0; p < labels.length; p++) {
            int id = labels[p];
            if (id != 0) pixels[id][filled[id]++] = p;
        }
        return pixels;
    }
}
