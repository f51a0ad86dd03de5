package io.handwritingstudio.ui.draw;

import io.handwritingstudio.inference.sketch.Stroke;

import java.util.ArrayList;
import java.util.List;

/**
 * Synthetic hand-drawn digits for the pad's demo state (DemoMode: screenshots, tours) and tests.
 * Shapes are in a unit box (0..1), placed in the middle of the pad with a slightly uneven hand.
 */
public final class DemoSketches {
    static final double WIDTH = 22;

    private DemoSketches() {
    }

    /** The strokes of character {@code c} ('0','1','2','3','4','7','A','L','T','+'); other characters give a 7. */
    public static List<Stroke> digit(char c) {
        List<List<double[]>> unit = switch (c) {
            case '0' -> List.of(arc(0.5, 0.5, 0.40, 0.48, -90, 275, 48));
            case '1' -> List.of(line(0.38, 0.18, 0.58, 0.02, 0.56, 0.98));
            case '2' -> List.of(join(arc(0.5, 0.28, 0.38, 0.26, 200, 390, 20), line(0.82, 0.42, 0.1, 0.97, 0.95, 0.96)));
            case '3' -> List.of(join(arc(0.48, 0.26, 0.36, 0.24, 200, 450, 24), arc(0.48, 0.73, 0.42, 0.26, -90, 160, 24)));
            case '4' -> List.of(line(0.6, 0.0, 0.05, 0.66, 0.95, 0.66), line(0.72, 0.3, 0.72, 1.0));
            case 'A' -> List.of(line(0.04, 0.98, 0.5, 0.02, 0.96, 0.98), line(0.24, 0.6, 0.76, 0.6));
            case 'L' -> List.of(line(0.2, 0.02, 0.18, 0.96, 0.9, 0.95));
            case 'T' -> List.of(line(0.04, 0.06, 0.96, 0.04), line(0.5, 0.05, 0.5, 0.98));
            case '+' -> List.of(line(0.5, 0.2, 0.52, 0.8), line(0.08, 0.5, 0.92, 0.49));
            default -> List.of(line(0.06, 0.04, 0.94, 0.02, 0.42, 0.98));
        };
        List<Stroke> strokes = new ArrayList<>();
        for (List<double[]> stroke : unit) {
            List<Stroke.Point> points = new ArrayList<>();
            for (double[] p : stroke) points.add(new Stroke.Point(90 + p[0] * 140, 45 + p[1] * 230));
            strokes.add(new Stroke(points, WIDTH, false));
        }
        return strokes;
    }

    /**
     * The strokes of a written line on the line mode's paper: each character of {@code text} as {@link #digit} draws
     * it, shrunk to {@code height} pad units and placed left to right with a gap; a space leaves a wider gap.
     */
    public static List<Stroke> line(String text, double top, double height) {
        double s = height / 230; // digit() draws 230 units tall from y = 45, x from 90
        double x = 30;
        List<Stroke> strokes = new ArrayList<>();
        for (char c : text.toCharArray()) {
            if (c == ' ') {
                x += 0.6 * height;
                continue;
            }
            double left = x;
            for (Stroke st : digit(c)) {
                List<Stroke.Point> points = new ArrayList<>();
                for (Stroke.Point p : st.points()) points.add(new Stroke.Point(left + (p.x() - 90) * s, top + (p.y() - 45) * s));
                strokes.add(new Stroke(points, WIDTH * Math.max(0.6, s), false));
            }
            x += 140 * s + 0.3 * height;
        }
        return strokes;
    }

    /** Points along an elliptical arc, angles in degrees (0 = right, 90 = down: screen coordinates). */
    static List<double[]> arc(double cx, double cy, double rx, double ry, double fromDeg, double toDeg, int n) {
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            double a = Math.toRadians(fromDeg + (toDeg - fromDeg) * i / n);
            pts.add(new double[] {cx + rx * Math.cos(a), cy + ry * Math.sin(a)});
        }
        return pts;
    }

    /** A polyline through (x, y) pairs, with intermediate points like a mouse would report. */
    static List<double[]> line(double... xy) {
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i + 3 < xy.length; i += 2) {
            for (int k = 0; k < 12; k++) {
                double t = k / 12.0;
                pts.add(new double[] {xy[i] + (xy[i + 2] - xy[i]) * t, xy[i + 1] + (xy[i + 3] - xy[i + 1]) * t});
            }
        }
        pts.add(new double[] {xy[xy.length - 2], xy[xy.length - 1]});
        return pts;
    }

    @SafeVarargs
    static List<double[]> join(List<double[]>... parts) {
        List<double[]> all = new ArrayList<>();
        for (List<double[]> p : parts) all.addAll(p);
        return all;
    }
}
