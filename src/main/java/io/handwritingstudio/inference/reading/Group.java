package io.handwritingstudio.inference.reading;

import java.util.ArrayList;
import java.util.List;

/** The blobs taken to be one character, or several touching ones before they are split. */
final class Group {
    final List<Blob> blobs = new ArrayList<>();
    int left = Integer.MAX_VALUE;
    int top = Integer.MAX_VALUE;
    int right = Integer.MIN_VALUE;
    int bottom = Integer.MIN_VALUE;
    int area;

    Group(Blob first) {
        add(first);
    }

    void add(Blob b) {
        blobs.add(b);
        left = Math.min(left, b.left());
        top = Math.min(top, b.top());
        right = Math.max(right, b.right());
        bottom = Math.max(bottom, b.bottom());
        area += b.area();
    }

    void addAll(Group g) {
        for (Blob b : g.blobs) add(b);
    }

    int width() { return right - left; }
    int height() { return bottom - top; }

    /** Columns shared with {@code other}, as a fraction of the narrower of the two. */
    double overlap(Group other) {
        int shared = Math.min(right, other.right) - Math.max(left, other.left);
        return shared <= 0 ? 0 : shared / (double) Math.min(width(), other.width());
    }
}
