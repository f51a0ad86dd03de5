package io.handwritingstudio.inference;

import java.awt.image.BufferedImage;

/**
 * Turns a drawing, scan or photo of one handwritten character into an MNIST-style 28x28 input:
 * luminance, paper removed, light ink on black, cropped to the ink, then framed as the model's training images
 * were ({@link Framing}: MNIST's longer side 20 px with the centre of mass at (14,14), or EMNIST's). Stateless and thread-safe. The ink map and the framing are {@link InkMap}'s, shared
 * with the line reader; this class adds the choice of the one glyph ({@link GlyphMask}).
 */
public final class MnistPreprocessor {
    /** Larger images are block-averaged down first; big enough that a small glyph in a photo keeps detail. */
    static final int WORK_MAX_SIDE = 1000;
    static final int SIZE = Preprocessed.SIZE;

    /** Every step's picture, for the studio's teaching view. {@code scaled} is null when nothing was found. */
    public record Stages(GrayImage luminance, GrayImage ink, GrayImage scaled, Preprocessed result) {
    }

    private final Framing framing;

    /** MNIST's framing, for digit models. */
    public MnistPreprocessor() {
        this(Framing.MNIST);
    }

    public MnistPreprocessor(Framing framing) {
        this.framing = framing;
    }

    public Framing framing() {
        return framing;
    }

    public Preprocessed preprocess(BufferedImage image) {
        return stages(image).result();
    }

    public Stages stages(BufferedImage image) {
        int k = Math.max(1, (int) Math.ceil(Math.max(image.getWidth(), image.getHeight()) / (double) WORK_MAX_SIDE));
        InkMap map = InkMap.of(image, k);
        int w = map.width();
        GlyphMask glyph = GlyphMask.of(map.mask(), w, map.height());
        if (glyph.isEmpty()) {
            return new Stages(map.luminance(), map.ink(), null,
                    new Preprocessed(new float[SIZE * SIZE], true, map.inverted(), 0, 0, 0, 0));
        }
        int cw = glyph.right - glyph.left;
        int ch = glyph.bottom - glyph.top;
        boolean[] kept = new boolean[cw * ch];
        for (int y = 0; y < ch; y++) {
            System.arraycopy(glyph.kept, (y + glyph.top) * w + glyph.left, kept, y * cw, cw);
        }
        GrayImage scaled = map.scaledGlyph(kept, glyph.left, glyph.top, cw, ch, framing.box);
        float[] pixels = InkMap.place(scaled, framing);

        int left = glyph.left * k;
        int top = glyph.top * k;
        int right = Math.min(image.getWidth(), glyph.right * k);
        int bottom = Math.min(image.getHeight(), glyph.bottom * k);
        return new Stages(map.luminance(), map.ink(), scaled,
                new Preprocessed(pixels, false, map.inverted(), left, top, right - left, bottom - top));
    }
}
