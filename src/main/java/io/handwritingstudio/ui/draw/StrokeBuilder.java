package io.handwritingstudio.ui.draw;

import io.handwritingstudio.inference.sketch.Stroke;

import java.util.ArrayList;
import java.util.List;

/** A stroke being drawn with the mouse: grows point by point, then frozen with {@link #freeze()}. */
final class StrokeBuilder {
    private final List<Stroke.Point> points = new ArrayList<>();
    private final double width;
    private final boolean eraser;

    StrokeBuilder(double width, boolean eraser) {
        this.width = width;
        this.eraser = eraser;
    }

    /** Adds a point unless it is (nearly) the previous one: mice repeat positions. */
    void add(double x, double y) {
        if (!points.isEmpty()) {
            Stroke.Point last = points.get(points.size() - 1);
            if (Math.abs(last.x() - x) < 0.5 && Math.abs(last.y() - y) < 0.5) return;
        }
        points.add(new Stroke.Point(x, y));
    }

    Stroke freeze() {
        return new Stroke(points, width, eraser);
    }
}
