package io.handwritingstudio.inference;

import java.awt.image.BufferedImage;

/**
 * Turns a drawing, scan or photo of one handwritten character into an MNIST-style 28x28 input:
 * luminance, paper removed, light ink on black, cropped to the ink, longer side scaled to 20 px,
 * centre of mass at (14,14). Stateless and thread-safe.
 */
public final class MnistPreprocessor {
    /** Larger images are block-averaged down first; big enough that a small glyph in a photo keeps detail. */
    static final int WORK_MAX_SIDE = 1000;
    static final int BOX = 20;
    static final int SIZE = Preprocessed.SIZE;
    /** Ink must differ from paper by at least this much (of full white) to count at all. */
    private static final float MIN_CONTRAST = 0.1f;
    /** ... and stand this many noise sigmas above the paper. */
    private static final float NOISE_SIGMAS = 4f;
    /** Pixels this close to ink keep their grey level: the anti-aliased edges. */
    private static final int EDGE_RADIUS = 2;

    /** Every step's picture, for the studio's teaching view. {@code scaled} is null when nothing was found. */
    public record Stages(GrayImage luminance, GrayImage ink, GrayImage scaled, Preprocessed result) {
    }

    public Preprocessed preprocess(BufferedImage image) {
        return stages(image).result();
    }

    public Stages stages(BufferedImage image) {
        int k = Math.max(1, (int) Math.ceil(Math.max(image.getWidth(), image.getHeight()) / (double) WORK_MAX_SIDE));
        GrayImage lum = Luminance.read(image, k);
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
        GlyphMask glyph = GlyphMask.of(mask, w, h);
        if (glyph.isEmpty()) {
            return new Stages(lum, inkImage, null, new Preprocessed(new float[SIZE * SIZE], true, inverted, 0, 0, 0, 0));
        }

        GrayImage crop = crop(inkImage, glyph, threshold, sigma);
        int cw = crop.width();
        int ch = crop.height();
        int longer = Math.max(cw, ch);
        GrayImage scaled = Resampler.resize(crop,
                Math.max(1, Math.round(cw * (float) BOX / longer)), Math.max(1, Math.round(ch * (float) BOX / longer)));
        float[] pixels = centreOfMassFrame(scaled);

        int left = glyph.left * k;
        int top = glyph.top * k;
        int right = Math.min(image.getWidth(), glyph.right * k);
        int bottom = Math.min(image.getHeight(), glyph.bottom * k);
        return new Stages(lum, inkImage, scaled,
                new Preprocessed(pixels, false, inverted, left, top, right - left, bottom - top));
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
     * The ink's bounding box, with grey levels stretched so paper is 0 and solid ink 1. Only pixels on or next
     * to kept ink survive, so dropped specks and paper grain inside the box do not leak into the digit.
     */
    private static GrayImage crop(GrayImage ink, GlyphMask glyph, float threshold, float sigma) {
        int w = ink.width();
        int cw = glyph.right - glyph.left;
        int ch = glyph.bottom - glyph.top;
        boolean[] near = dilate(glyph.kept, w, ink.height(), EDGE_RADIUS);

        float[] inside = new float[cw * ch];
        int n = 0;
        for (int y = glyph.top; y < glyph.bottom; y++) {
            for (int x = glyph.left; x < glyph.right; x++) {
                if (glyph.kept[y * w + x]) inside[n++] = ink.get(x, y);
            }
        }
        float lo = Math.min(Math.max(3f * sigma, 0.2f * threshold), threshold);
        float hi = Math.max(Stats.quantile(inside, n, 0.9), lo + 1e-3f);

        float[] out = new float[cw * ch];
        for (int y = 0; y < ch; y++) {
            for (int x = 0; x < cw; x++) {
                int p = (y + glyph.top) * w + x + glyph.left;
                if (near[p]) out[y * cw + x] = Math.min(1f, Math.max(0f, (ink.values()[p] - lo) / (hi - lo)));
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
    private static float[] centreOfMassFrame(GrayImage glyph) {
        int gw = glyph.width();
        int gh = glyph.height();
        double mass = 0, mx = 0, my = 0;
        float max = 0f;
        for (int y = 0; y < gh; y++) {
            for (int x = 0; x < gw; x++) {
                float v = glyph.get(x, y);
                mass += v;
                mx += v * x;
                my += v * y;
                max = Math.max(max, v);
            }
        }
        double cx = mass > 0 ? mx / mass : (gw - 1) / 2.0;
        double cy = mass > 0 ? my / mass : (gh - 1) / 2.0;
        int ox = (int) Math.max(0, Math.min(SIZE - gw, Math.round(SIZE / 2.0 - cx)));
        int oy = (int) Math.max(0, Math.min(SIZE - gh, Math.round(SIZE / 2.0 - cy)));
        float scale = max > 0 ? 1f / max : 0f;
        float[] out = new float[SIZE * SIZE];
        for (int y = 0; y < gh; y++) {
            for (int x = 0; x < gw; x++) out[(y + oy) * SIZE + x + ox] = glyph.get(x, y) * scale;
        }
        return out;
    }
}
