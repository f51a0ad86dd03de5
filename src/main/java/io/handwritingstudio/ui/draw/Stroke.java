package io.handwritingstudio.ui.draw;

import java.util.ArrayList;
import java.util.List;

/**
 * One pen-down-to-pen-up movement, kept as data so the screen and the recognizer draw exactly the same thing.
 * Coordinates are in pad units (0..{@link Sketch#SIZE}); an eraser stroke paints paper.
 */
public record Stroke(List<Point> points, double width, boolean eraser) {

    public record Point(double x, double y) {
    }

    public Stroke {
        points = List.copyOf(points);
    }

    /** A stroke being drawn: grows point by point, then frozen with {@link #freeze()}. */
    static final class Builder {
        private final List<Point> points = new ArrayList<>();
        private final double width;
        private final boolean eraser;

        Builder(double width, boolean eraser) {
            this.width = width;
            this.eraser = eraser;
        }

        /** Adds a point unless it is (nearly) the previous one: mice repeat positions. */
        void add(double x, double y) {
            if (!points.isEmpty()) {
                Point last = points.get(points.size() - 1);
                if (Math.abs(last.x() - x) < 0.5 && Math.abs(last.y() - y) < 0.5) return;
            }
            points.add(new Point(x, y));
        }

        Stroke freeze() {
            return new Stroke(points, width, eraser);
        }
    }
}
