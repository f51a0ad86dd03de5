package io.handwritingstudio.inference.sketch;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws symbols the way different people would: each writer has a slant, a size, a pen width and a steadiness of
 * hand, and every drawing adds its own jitter. Templates are strokes in a unit box (0..1, y down); the writer bends
 * them through its style and samples each stroke as a hand would, a point every few hundredths of the box. Seeded:
 * the same seed gives the same writers and drawings.
 */
public final class HandWriter {
    /** The drawing area, in the units the strokes are given in: the pad's own size. */
    public static final double CANVAS = 320;

    private final double slant;
    private final double rotation;
    private final double scaleX;
    private final double scaleY;
    private final double penWidth;
    private final double wobble;
    private final SplittableRandom random;

    private HandWriter(SplittableRandom random) {
        this.random = random;
        this.slant = random.nextDouble(-0.3, 0.3);
        this.rotation = random.nextDouble(-0.15, 0.15);
        this.scaleX = random.nextDouble(0.6, 1.0);
        this.scaleY = random.nextDouble(0.7, 1.0);
        this.penWidth = random.nextDouble(14, 30);
        this.wobble = random.nextDouble(0.002, 0.015);
    }

    /** Writer number {@code index} of a seeded population of writers. */
    public static HandWriter number(long seed, int index) {
        return new HandWriter(new SplittableRandom(seed * 1_000_003L + index));
    }

    /** One drawing of a template (lists of (x, y) points in the unit box), as this writer would make it. */
    public List<Stroke> draw(List<double[][]> template) {
        double size = 0.8 * CANVAS;
        double cx = CANVAS / 2 + random.nextDouble(-0.05, 0.05) * CANVAS;
        double cy = CANVAS / 2 + random.nextDouble(-0.05, 0.05) * CANVAS;
        double jitter = random.nextDouble(0.01, 0.04);
        double width = penWidth * random.nextDouble(0.85, 1.15);
        List<Stroke> strokes = new ArrayList<>();
        for (double[][] polyline : template) {
            List<Stroke.Point> points = new ArrayList<>();
            double[][] moved = new double[polyline.length][];
            for (int i = 0; i < polyline.length; i++) {
                moved[i] = new double[]{polyline[i][0] + random.nextDouble(-jitter, jitter),
                        polyline[i][1] + random.nextDouble(-jitter, jitter)};
            }
            double phase = random.nextDouble(0, Math.PI * 2);
            for (int i = 0; i + 1 < moved.length; i++) {
                double[] a = moved[i], b = moved[i + 1];
                int steps = Math.max(2, (int) (Math.hypot(b[0] - a[0], b[1] - a[1]) / 0.03));
                for (int s = (i == 0 ? 0 : 1); s <= steps; s++) {
                    double t = s / (double) steps;
                    double ux = a[0] + t * (b[0] - a[0]), uy = a[1] + t * (b[1] - a[1]);
                    double w = wobble * Math.sin(phase + 9 * (i + t));
                    points.add(place(ux + w, uy - w, size, cx, cy));
                }
            }
            if (moved.length == 1) points.add(place(moved[0][0], moved[0][1], size, cx, cy));
            strokes.add(new Stroke(points, width, false));
        }
        return strokes;
    }

    /** Unit box to canvas: centre, slant (x shifts with height), rotate, scale. */
    private Stroke.Point place(double ux, double uy, double size, double cx, double cy) {
        double x = (ux - 0.5) * scaleX, y = (uy - 0.5) * scaleY;
        x += slant * -y;
        double cos = Math.cos(rotation), sin = Math.sin(rotation);
        return new Stroke.Point(cx + size * (x * cos - y * sin), cy + size * (x * sin + y * cos));
    }
}
