package io.handwritingstudio.inference;

import java.awt.image.BufferedImage;

/**
 * The ink of a whole picture, before any glyph is chosen: luminance (block-averaged by {@code scale}), paper fitted
 * away, ink bright on 0 whatever the polarity, and the thresholded mask. The single-character preprocessor and the
 * line reader both start here, then frame one glyph ({@link #frame}) the way MNIST framed its digits.
 */
public final class InkMap {
    /** Ink must differ from paper by at least this much (of full white) to count at all. */
    private static final float MIN_CONTRAST = 0.1f;
    /** ... and stand this many noise sigmas above the paper. */
    private static final float NOISE_SIGMAS = 4f;
    /** Pixels this close to ink keep their grey level: the anti-aliased edges. */
    private static final int EDGE_RADIUS = 2;
    static final int SIZE = Preprocessed.SIZE;

    private final GrayImage luminance;
    private final GrayImage ink;
    private final boolean[] mask;
    private final float threshold;
    private final float sigma;
    private final boolean inverted;
    private final int scale;

    private InkMap(GrayImage luminance, GrayImage ink, boolean[] mask, float threshold, float sigma,
                   boolean inverted, int scale) {
        this.luminance = luminance;
        this.ink = ink;
        this.mask = mask;
        this.threshold = threshold;
        this.sigma = sigma;
        this.inverted = inverted;
        this.scale = scale;
    }

    /** The ink of {@code image}, each working pixel the mean of a {@code scale x scale} block. */
    public static InkMap of(BufferedImage image, int scale) {
        GrayImage lum = Luminance.read(image, scale);
        int w = lum.width();
        int h = lum.height();
        PaperBackground paper = PaperBackground.fit(lum);
        GrayImage residual = paper.residual(lum);
        float sigma = paper.noiseSigma();
        boolean inverted = inkIsDark(residual.values(), sigma, paper.at(w / 2, h / 2));

        // Ink bright, paper 0: MNIST's polarity.
        float[] ink = residual.values();
        for (int i = 0; i < ink.length; i++) ink[i] = Math.max(0f, inverted ? -ink[i] : ink[i]);
        GrayImage inkImage = new GrayImage(w, h, ink);

        float threshold = threshold(inkImage, sigma);
        boolean[] mask = mask(inkImage, threshold);
        if (Despeckle.hasImpulseNoise(mask, w, h)) {
            inkImage = Despeckle.median3x3(inkImage);
            threshold = threshold(inkImage, sigma);
            mask = mask(inkImage, threshold);
        }
        return new InkMap(lum, inkImage, mask, threshold, sigma, inverted, scale);
    }

    /** The block size that keeps the working picture within {@code maxPixels}. */
    public static int scaleFor(BufferedImage image, long maxPixels) {
        double pixels = (double) image.getWidth() * image.getHeight();
        return Math.max(1, (int) Math.ceil(Math.sqrt(pixels / maxPixels)));
    }

    public int width() { return ink.width(); }
    public int height() { return ink.height(); }
    /** Source pixels per working pixel along each side. */
    public int scale() { return scale; }
    /** The source was dark ink on light paper. */
    public boolean inverted() { return inverted; }
    public GrayImage luminance() { return luminance; }
    public GrayImage ink() { return ink; }

    public boolean isInk(int x, int y) {
        return mask[y * ink.width() + x];
    }

    boolean[] mask() {
        return mask;
    }

    /**
     * One glyph in MNIST form: {@code kept} marks its ink inside the box ({@code width x height} from
     * {@code left, top}, row-major); other ink in the box is ignored.
     */
    public float[] frame(boolean[] kept, int left, int top, int width, int height) {
        return frame(kept, left, top, width, height, Framing.MNIST);
    }

    /** The same, framed as {@code framing} says (MNIST's or EMNIST's way). */
    public float[] frame(boolean[] kept, int left, int top, int width, int height, Framing framing) {
        return place(scaledGlyph(kept, left, top, width, height, framing.box), framing);
    }

    /** The glyph cropped and scaled so its longer side is {@code box} px. */
    GrayImage scaledGlyph(boolean[] kept, int left, int top, int width, int height, int box) {
        GrayImage crop = crop(kept, left, top, width, height);
        int longer = Math.max(width, height);
        return Resampler.resize(crop, Math.max(1, Math.round(width * (float) box / longer)),
                Math.max(1, Math.round(height * (float) box / longer)));
    }

    /** The scaled glyph in the 28x28 frame, centred as {@code framing} says. */
    static float[] place(GrayImage glyph, Framing framing) {
        return framing.boxCentred ? boxCentredFrame(glyph) : centreOfMassFrame(glyph);
    }

    /** Otsu splits ink from paper; the floors keep it from splitting plain noise when there is no ink. */
    private static float threshold(GrayImage ink, float sigma) {
        return Math.max(Stats.otsu(ink.values()), Math.max(NOISE_SIGMAS * sigma, MIN_CONTRAST));
    }

    private static boolean[] mask(GrayImage ink, float threshold) {
        float[] v = ink.values();
        boolean[] mask = new boolean[v.length];
        for (int i = 0; i < v.length; i++) mask[i] = v[i] > threshold;
        return mask;
    }

    /**
     * Dark ink on light paper, or the reverse? Paper is the majority and was fitted away, so ink is the heavier
     * tail of the residuals beyond the noise: compare how much darker-than-paper and lighter-than-paper
     * material there is. Gaussian noise and salt-and-pepper are symmetric and cancel out.
     */
    private static boolean inkIsDark(float[] residual, float sigma, float paperLevel) {
        float noise = 3f * Math.max(sigma, 0.01f);
        double dark = 0;
        double light = 0;
        for (float d : residual) {
            if (d < -noise) dark += -d - noise;
            else if (d > noise) light += d - noise;
        }
        if (dark == light) return paperLevel >= 0.5f; // nothing to go on (blank): guess from the paper
        return dark > light;
    }

    /**
     * The box with grey levels stretched so paper is 0 and solid ink 1. Only pixels on or next to kept ink survive,
     * so dropped specks, paper grain and neighbouring glyphs inside the box do not leak into this one.
     */
    private GrayImage crop(boolean[] kept, int left, int top, int cw, int ch) {
        boolean[] near = dilate(kept, cw, ch, EDGE_RADIUS);
        int w = ink.width();
        float[] values = ink.values();
        float[] inside = new float[cw * ch];
        int n = 0;
        for (int y = 0; y < ch; y++) {
            for (int x = 0; x < cw; x++) {
                if (kept[y * cw + x]) inside[n++] = values[(y + top) * w + x + left];
            }
        }
        float lo = Math.min(Math.max(3f * sigma, 0.2f * threshold), threshold);
        float hi = Math.max(Stats.quantile(inside, n, 0.9), lo + 1e-3f);

        float[] out = new float[cw * ch];
        for (int y = 0; y < ch; y++) {
            for (int x = 0; x < cw; x++) {
                int p = (y + top) * w + x + left;
                if (near[y * cw + x]) out[y * cw + x] = Math.min(1f, Math.max(0f, (values[p] - lo) / (hi - lo)));
            }
        }
        return new GrayImage(cw, ch, out);
    }

    /** Square dilation, done as two 1-D passes. */
    private static boolean[] dilate(boolean[] mask, int w, int h, int r) {
        boolean[] tmp = new boolean[mask.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean any = false;
                for (int dx = Math.max(0, x - r); dx <= Math.min(w - 1, x + r) && !any; dx++) any = mask[y * w + dx];
                tmp[y * w + x] = any;
            }
        }
        boolean[] out = new boolean[mask.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean any = false;
                for (int dy = Math.max(0, y - r); dy <= Math.min(h - 1, y + r) && !any; dy++) any = tmp[dy * w + x];
                out[y * w + x] = any;
            }
        }
        return out;
    }

    /**
     * Places the scaled glyph in a 28x28 frame with its centre of mass at (14,14), as MNIST did; the shift is
     * rounded to whole pixels and clamped so no ink falls off the frame. Max ink becomes 1.
     */
    static float[] centreOfMassFrame(GrayImage glyph) {
        double[] c = centreOfMass(glyph);
        int ox = (int) Math.max(0, Math.min(SIZE - glyph.width(), Math.round(SIZE / 2.0 - c[0])));
        int oy = (int) Math.max(0, Math.min(SIZE - glyph.height(), Math.round(SIZE / 2.0 - c[1])));
        return paste(glyph, ox, oy);
    }

    /** EMNIST's centring: the glyph's box in the middle of the frame (odd margins round down on the left and top). */
    static float[] boxCentredFrame(GrayImage glyph) {
        return paste(glyph, (SIZE - glyph.width()) / 2, (SIZE - glyph.height()) / 2);
    }

    private static double[] centreOfMass(GrayImage glyph) {
        int gw = glyph.width();
        int gh = glyph.height();
        double mass = 0, mx = 0, my = 0;
        for (int y = 0; y < gh; y++) {
            for (int x = 0; x < gw; x++) {
                float v = glyph.get(x, y);
                mass += v;
                mx += v * x;
                my += v * y;
            }
        }
        return new double[]{mass > 0 ? mx / mass : (gw - 1) / 2.0, mass > 0 ? my / mass : (gh - 1) / 2.0};
    }

    /** The glyph at offset (ox, oy) in a 28x28 frame, max ink 1. */
    private static float[] paste(GrayImage glyph, int ox, int oy) {
        int gw = glyph.width();
        int gh = glyph.height();
        float max = 0f;
        for (float v : glyph.values()) max = Math.max(max, v);
        float scale = max > 0 ? 1f / max : 0f;
        float[] out = new float[SIZE * SIZE];
        for (int y = 0; y < gh; y++) {
            for (int x = 0; x < gw; x++) out[(y + oy) * SIZE + x + ox] = glyph.get(x, y) * scale;
        }
        return out;
    }
}
