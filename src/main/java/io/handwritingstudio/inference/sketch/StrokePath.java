package io.handwritingstudio.inference.sketch;

import java.util.List;

/**
 * The one definition of a stroke's shape: quadratic curves through the midpoints of successive points, which
 * smooths the polyline without overshooting, and a dot for a single point. The screen (JavaFX) and the
 * recognizer's image (Java2D) both trace it through a {@link Sink}.
 */
public final class StrokePath {

    /** Receives the path; implemented for a JavaFX GraphicsContext and a java.awt Path2D. */
    public interface Sink {
        void moveTo(double x, double y);

        void lineTo(double x, double y);

        void quadTo(double cx, double cy, double x, double y);

        /** A filled round dot of the given diameter (a click without movement). */
        void dot(double x, double y, double diameter);
    }

    private StrokePath() {
    }

    public static void trace(Stroke stroke, Sink sink) {
        List<Stroke.Point> p = stroke.points();
        if (p.isEmpty()) return;
        if (p.size() == 1) {
            sink.dot(p.get(0).x(), p.get(0).y(), stroke.width());
            return;
        }
        sink.moveTo(p.get(0).x(), p.get(0).y());
        for (int i = 1; i < p.size() - 1; i++) {
            Stroke.Point c = p.get(i);
            Stroke.Point n = p.get(i + 1);
            sink.quadTo(c.x(), c.y(), (c.x() + n.x()) / 2, (c.y() + n.y()) / 2);
        }
        Stroke.Point last = p.get(p.size() - 1);
        sink.lineTo(last.x(), last.y());
    }
}
