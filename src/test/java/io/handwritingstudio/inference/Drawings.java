package io.handwritingstudio.inference;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;

/** Test glyphs drawn with Graphics2D, and measurements of 28x28 outputs. */
final class Drawings {
    private Drawings() {
    }

    /** A "7" in a unit box (0..1 x 0..1), scaled to w x h at (x, y). */
    static Shape seven(double x, double y, double w, double h) {
        Path2D p = new Path2D.Double();
        p.moveTo(0, 0);
        p.lineTo(1, 0);
        p.lineTo(0.35, 1);
        return place(p, x, y, w, h);
    }

    /** A "4" in a unit box: open top-left stroke, crossbar, and a separate upright. */
    static Shape four(double x, double y, double w, double h) {
        Path2D p = new Path2D.Double();
        p.moveTo(0.55, 0);
        p.lineTo(0, 0.65);
        p.lineTo(1, 0.65);
        p.moveTo(0.75, 0.25);
        p.lineTo(0.75, 1);
        return place(p, x, y, w, h);
    }

    static Shape line(double x1, double y1, double x2, double y2) {
        Path2D p = new Path2D.Double();
        p.moveTo(x1, y1);
        p.lineTo(x2, y2);
        return p;
    }

    private static Shape place(Path2D unit, double x, double y, double w, double h) {
        AffineTransform t = new AffineTransform();
        t.translate(x, y);
        t.scale(w, h);
        return t.createTransformedShape(unit);
    }

    static BufferedImage canvas(int w, int h, int type, Color paper) {
        BufferedImage img = new BufferedImage(w, h, type);
        Graphics2D g = img.createGraphics();
        if (paper != null) {
            g.setColor(paper);
            g.fillRect(0, 0, w, h);
        }
        g.dispose();
        return img;
    }

    /** Strokes {@code shape} (round caps and joins, anti-aliased) onto {@code img}. */
    static BufferedImage stroke(BufferedImage img, Shape shape, float width, Color ink) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(ink);
        g.draw(shape);
        g.dispose();
        return img;
    }

    static BufferedImage onWhite(int w, int h, Shape shape, float width) {
        return stroke(canvas(w, h, BufferedImage.TYPE_INT_RGB, Color.WHITE), shape, width, Color.BLACK);
    }

    static BufferedImage onBlack(int w, int h, Shape shape, float width) {
        return stroke(canvas(w, h, BufferedImage.TYPE_INT_RGB, Color.BLACK), shape, width, Color.WHITE);
    }

    /** {left, top, width, height} of the pixels a stroke of this shape covers (>= half), without anti-aliasing. */
    static int[] coverage(int w, int h, Shape shape, float width) {
        BufferedImage mask = onBlack(w, h, shape, width);
        int l = w, t = h, r = -1, b = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if ((mask.getRGB(x, y) & 0xFF) >= 128) {
                    l = Math.min(l, x); t = Math.min(t, y); r = Math.max(r, x); b = Math.max(b, y);
                }
            }
        }
        return new int[] {l, t, r - l + 1, b - t + 1};
    }

    /** Centre of mass {x, y} of a 28x28 output, in pixel-index coordinates. */
    static double[] centreOfMass(float[] px) {
        double m = 0, mx = 0, my = 0;
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                float v = px[y * 28 + x];
                m += v; mx += v * x; my += v * y;
            }
        }
        return new double[] {mx / m, my / m};
    }

    /** {left, top, width, height} of output pixels above {@code level}. */
    static int[] inkBox(float[] px, float level) {
        int l = 28, t = 28, r = -1, b = -1;
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                if (px[y * 28 + x] > level) {
                    l = Math.min(l, x); t = Math.min(t, y); r = Math.max(r, x); b = Math.max(b, y);
                }
            }
        }
        return r < 0 ? new int[] {0, 0, 0, 0} : new int[] {l, t, r - l + 1, b - t + 1};
    }

    static float max(float[] px) {
        float m = 0;
        for (float v : px) m = Math.max(m, v);
        return m;
    }

    static float sum(float[] px) {
        float s = 0;
        for (float v : px) s += v;
        return s;
    }

    static float maxAbsDiff(float[] a, float[] b) {
        float d = 0;
        for (int i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
        return d;
    }
}
