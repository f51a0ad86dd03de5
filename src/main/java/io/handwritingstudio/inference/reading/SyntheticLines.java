package io.handwritingstudio.inference.reading;

import io.handwritingstudio.data.LabeledImages;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded lines of handwriting made from real dataset images (use the test split, which no model trained on): random
 * gaps, baseline jitter and size variation, some neighbours pushed together until their ink touches, plain or
 * paper-like backgrounds (gradient, grain, tint), dark ink on light or light on dark. The same seed gives the same
 * lines.
 */
public final class SyntheticLines {
    /** What the lines look like. Chances are per line (paper, dark ink) or per neighbouring pair (touching, space). */
    public record Options(int minChars, int maxChars, double touchingChance, double spaceChance,
                          double paperChance, double darkInkChance) {
        /** Digits apart, as most people write numbers. */
        public static Options separated() {
            return new Options(3, 8, 0, 0, 0.5, 0.5);
        }

        /** Every line has neighbours touching. */
        public static Options touching() {
            return new Options(3, 8, 0.35, 0, 0.5, 0.5);
        }

        public Options withChars(int min, int max) {
            return new Options(min, max, touchingChance, spaceChance, paperChance, darkInkChance);
        }

        public Options withSpaces(double chance) {
            return new Options(minChars, maxChars, touchingChance, chance, paperChance, darkInkChance);
        }
    }

    /**
     * A line and its truth: the text (spaces included), each character's ink box [x, y, w, h] in image pixels, and the
     * indices i of characters whose ink touches that of character i + 1 (indices count characters, not spaces).
     */
    public record Line(BufferedImage image, String text, List<int[]> boxes, List<Integer> touching) {
        public String characters() {
            return text.replace(" ", "");
        }
    }

    /** Lines of words: the share of gaps that are a word space ({@code bench --read}'s letters lines). */
    public static final double WORD_SPACES = 0.15;

    /** Ink above this (0..1) counts when deciding whether two glyphs touch. */
    private static final float TOUCH_INK = 0.3f;

    private final LabeledImages source;
    private final Random random;

    public SyntheticLines(LabeledImages source, long seed) {
        this.source = source;
        this.random = new Random(seed);
    }

    public Line next(Options o) {
        int count = o.minChars() + random.nextInt(o.maxChars() - o.minChars() + 1);
        int size = 24 + random.nextInt(25); // character height in pixels
        List<float[][]> glyphs = new ArrayList<>();
        StringBuilder chars = new StringBuilder();
        for (int i = 0; i < count; i++) {
            int index = random.nextInt(source.size());
            chars.append(source.classes().name(source.label(index)));
            // The dataset fitted each character's longer side to 20 px: one scale keeps a flat 2 flat, not 1.5 lines wide.
            glyphs.add(glyph(index, size / 20.0 * (0.85 + 0.3 * random.nextDouble())));
        }
        int height = (int) Math.round(size * (1.6 + 0.6 * random.nextDouble()));
        int margin = (int) Math.round(size * (0.4 + 0.6 * random.nextDouble()));
        // Generous canvas; cropped to the used width at the end.
        int width = margin * 2 + count * size * 4;
        float[] ink = new float[width * height];
        List<int[]> boxes = new ArrayList<>();
        List<Integer> touching = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int x = margin;
        int baseline = (height + size) / 2;
        for (int i = 0; i < count; i++) {
            float[][] g = glyphs.get(i);
            int gw = g[0].length;
            int gh = g.length;
            int y = Math.max(0, Math.min(height - gh, baseline - gh + (int) Math.round(size * 0.08 * random.nextGaussian())));
            boolean touch = false;
            if (i > 0) {
                int[] prev = boxes.get(i - 1);
                int prevRight = prev[0] + prev[2];
                if (random.nextDouble() < o.touchingChance()) {
                    x = touchingX(ink, width, g, prevRight, y, prev[0]);
                    touch = x != Integer.MIN_VALUE;
                    if (!touch) x = prevRight;
                } else if (random.nextDouble() < o.spaceChance()) {
                    x = prevRight + (int) Math.round(size * (1.1 + 0.6 * random.nextDouble()));
                    text.append(' ');
                } else {
                    x = prevRight + (int) Math.round(size * (0.12 + 0.38 * random.nextDouble()));
                }
            }
            if (touch) touching.add(i - 1);
            paste(ink, width, g, x, y);
            boxes.add(new int[] {x, y, gw, gh});
            text.append(chars.charAt(i));
        }
        int[] last = boxes.get(count - 1);
        int used = Math.min(width, last[0] + last[2] + margin);
        return new Line(render(ink, width, used, height, o), text.toString(), boxes, touching);
    }

    /** The glyph's ink cropped from its 28x28 image and scaled (bilinear) by {@code s}, as [row][col] 0..1. */
    private float[][] glyph(int index, double s) {
        int rows = source.rows();
        int cols = source.cols();
        int l = cols, t = rows, r = -1, b = -1;
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                if (source.pixel(index, y, x) > 25) {
                    l = Math.min(l, x); t = Math.min(t, y); r = Math.max(r, x); b = Math.max(b, y);
                }
            }
        }
        if (r < 0) { l = 0; t = 0; r = cols - 1; b = rows - 1; }
        int cw = r - l + 1;
        int ch = b - t + 1;
        int height = Math.max(1, (int) Math.round(ch * s));
        int outW = Math.max(1, (int) Math.round(cw * s));
        float[][] out = new float[height][outW];
        for (int y = 0; y < height; y++) {
            double sy = Math.max(0, Math.min(ch - 1, (y + 0.5) / s - 0.5));
            int y0 = (int) sy;
            int y1 = Math.min(ch - 1, y0 + 1);
            double fy = sy - y0;
            for (int x = 0; x < outW; x++) {
                double sx = Math.max(0, Math.min(cw - 1, (x + 0.5) / s - 0.5));
                int x0 = (int) sx;
                int x1 = Math.min(cw - 1, x0 + 1);
                double fx = sx - x0;
                double v = (1 - fy) * ((1 - fx) * source.pixel(index, t + y0, l + x0) + fx * source.pixel(index, t + y0, l + x1))
                        + fy * ((1 - fx) * source.pixel(index, t + y1, l + x0) + fx * source.pixel(index, t + y1, l + x1));
                out[y][x] = (float) (v / 255.0);
            }
        }
        return out;
    }

    /**
     * Slides the glyph left from just beyond the previous one until its ink touches what is already drawn, then maybe a
     * pixel or two further (overlap). MIN_VALUE if it never touches before passing the previous glyph's left edge.
     */
    private int touchingX(float[] ink, int width, float[][] g, int prevRight, int y, int prevLeft) {
        for (int x = prevRight; x > prevLeft; x--) {
            if (touches(ink, width, g, x, y)) return x - random.nextInt(3);
        }
        return Integer.MIN_VALUE;
    }

    private static boolean touches(float[] ink, int width, float[][] g, int x0, int y0) {
        int height = ink.length / width;
        for (int y = 0; y < g.length; y++) {
            for (int x = 0; x < g[0].length; x++) {
                if (g[y][x] < TOUCH_INK) continue;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int cx = x0 + x + dx, cy = y0 + y + dy;
                        if (cx >= 0 && cx < width && cy >= 0 && cy < height && ink[cy * width + cx] >= TOUCH_INK) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    private static void paste(float[] ink, int width, float[][] g, int x0, int y0) {
        for (int y = 0; y < g.length; y++) {
            for (int x = 0; x < g[0].length; x++) {
                int p = (y0 + y) * width + x0 + x;
                ink[p] = Math.max(ink[p], g[y][x]);
            }
        }
    }

    /** Ink over paper: plain white/black, or a tinted sheet with a lighting gradient and grain. */
    private BufferedImage render(float[] ink, int stride, int width, int height, SyntheticLines.Options o) {
        boolean paper = random.nextDouble() < o.paperChance();
        boolean dark = random.nextDouble() < o.darkInkChance();
        float[] paperRgb;
        float[] inkRgb;
        if (dark) {
            paperRgb = paper ? new float[] {0.93f, 0.90f, 0.80f} : new float[] {1f, 1f, 1f};
            inkRgb = paper ? new float[] {0.12f, 0.15f, 0.35f} : new float[] {0f, 0f, 0f};
        } else {
            paperRgb = paper ? new float[] {0.18f, 0.24f, 0.20f} : new float[] {0f, 0f, 0f};
            inkRgb = paper ? new float[] {0.90f, 0.90f, 0.88f} : new float[] {1f, 1f, 1f};
        }
        double gx = paper ? 0.12 * (random.nextDouble() - 0.5) : 0;
        double gy = paper ? 0.08 * (random.nextDouble() - 0.5) : 0;
        double grain = paper ? 0.025 : 0;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float a = ink[y * stride + x];
                double light = gx * (x / (double) width - 0.5) + gy * (y / (double) height - 0.5)
                        + grain * random.nextGaussian();
                int rgb = 0;
                for (int c = 0; c < 3; c++) {
                    double v = (paperRgb[c] + light) * (1 - a) + inkRgb[c] * a;
                    rgb = (rgb << 8) | (int) Math.round(Math.max(0, Math.min(1, v)) * 255);
                }
                img.setRGB(x, y, rgb);
            }
        }
        return img;
    }
}
