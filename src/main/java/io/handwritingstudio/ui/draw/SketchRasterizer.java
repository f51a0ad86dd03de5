package io.handwritingstudio.ui.draw;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Renders strokes to a java.awt image (black ink on white paper, anti-aliased, round caps) for the recognizer:
 * runs on any thread, so the JavaFX thread never waits for it.
 */
public final class SketchRasterizer {
    /**
     * The recognizer's picture is half the pad's size: the preprocessor shrinks the ink to 20 px anyway, and a
     * quarter of the pixels makes it four times faster, which keeps the bars live while drawing.
     */
    static final double SCALE = 0.5;
    private SketchRasterizer() {
    }

    public static BufferedImage render(List<Stroke> strokes) {
        return render(strokes, Sketch.SIZE, Sketch.SIZE);
    }

    /** A paper of {@code width x height} pad units (the line mode's), at {@link #SCALE}. */
    public static BufferedImage render(List<Stroke> strokes, double width, double height) {
        int w = (int) Math.round(width * SCALE);
        int h = (int) Math.round(height * SCALE);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.scale(SCALE, SCALE);
            for (Stroke s : strokes) draw(g, s);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void draw(Graphics2D g, Stroke stroke) {
        g.setColor(stroke.eraser() ? Color.WHITE : Color.BLACK);
        g.setStroke(new BasicStroke((float) stroke.width(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D.Double path = new Path2D.Double();
        StrokePath.trace(stroke, new StrokePath.Sink() {
            @Override public void moveTo(double x, double y) { path.moveTo(x, y); }
            @Override public void lineTo(double x, double y) { path.lineTo(x, y); }
            @Override public void quadTo(double cx, double cy, double x, double y) { path.quadTo(cx, cy, x, y); }
            @Override public void dot(double x, double y, double d) { g.fill(new Ellipse2D.Double(x - d / 2, y - d / 2, d, d)); }
        });
        if (path.getCurrentPoint() != null) g.draw(path);
    }
}
