package io.handwritingstudio.inference.sketch;

import java.util.List;

/**
 * One pen-down-to-pen-up movement as data, so the drawing pad's screen, the recognizer's image and the synthetic
 * handwriting generators all draw exactly the same thing. Coordinates are in the drawing's own units; an eraser
 * stroke paints paper.
 */
public record Stroke(List<Point> points, double width, boolean eraser) {

    public record Point(double x, double y) {
    }

    public Stroke {
        points = List.copyOf(points);
    }
}
