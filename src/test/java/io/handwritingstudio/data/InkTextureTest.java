package io.handwritingstudio.data;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InkTextureTest {
    private static final int SIDE = MnistFormat.SIDE;

    @Test
    void oneInkPixelBecomesTheBlurKernelAndFaintInkVanishes() {
        byte[] pixels = new byte[2 * SIDE * SIDE];
        pixels[14 * SIDE + 14] = (byte) 128;             // ink: at half intensity or more
        pixels[SIDE * SIDE + 14 * SIDE + 14] = (byte) 127; // faint: below half
        LabeledImages flat = InkTexture.flatten(new LabeledImages(pixels, new int[] {3, 5}, SIDE, SIDE, ClassNames.digits()));
        byte[] out = flat.sharedPixels();
        assertEquals(64, out[14 * SIDE + 14] & 0xFF, "centre: 4/16 of 255");
        assertEquals(32, out[14 * SIDE + 15] & 0xFF, "beside: 2/16");
        assertEquals(32, out[13 * SIDE + 14] & 0xFF, "above: 2/16");
        assertEquals(16, out[13 * SIDE + 13] & 0xFF, "corner: 1/16");
        assertEquals(0, out[14 * SIDE + 16] & 0xFF, "two away: untouched");
        for (int i = SIDE * SIDE; i < out.length; i++) assertEquals(0, out[i], "faint ink is gone");
        assertArrayEquals(new int[] {3, 5}, flat.labels());
        assertEquals(ClassNames.digits(), flat.classes());
    }

    @Test
    void anInputIsFlattenedExactlyAsTheSameStoredImage() {
        SplittableRandom rng = new SplittableRandom(7);
        int n = 3, px = SIDE * SIDE;
        byte[] stored = new byte[n * px];
        float[] input = new float[n * px];
        for (int i = 0; i < stored.length; i++) {
            int level = rng.nextInt(4) == 0 ? rng.nextInt(256) : 0;
            stored[i] = (byte) level;
            input[i] = level / 255f;
        }
        byte[] expected = InkTexture.flatten(new LabeledImages(stored, new int[n], SIDE, SIDE, ClassNames.digits())).sharedPixels();
        float[] actual = InkTexture.flatten(input, SIDE);
        for (int i = 0; i < stored.length; i++) assertEquals((expected[i] & 0xFF) / 255f, actual[i], 0f, "pixel " + i);
        for (int i = 0; i < stored.length; i++) assertEquals(stored[i] & 0xFF, Math.round(input[i] * 255), "input left alone");
    }

    @Test
    void onlyTheCharactersDatasetIsTrainedFlatAndCardsSayWhichModelsWantIt() {
        assertTrue(InkTexture.forDataset(CharactersDataset.NAME));
        assertFalse(InkTexture.forDataset("mnist"));
        assertFalse(InkTexture.forDataset("letters"));
        assertTrue(InkTexture.wanted("28x28 grey; " + InkTexture.DESCRIPTION));
        assertFalse(InkTexture.wanted("28x28 grey, crop to ink"));
        assertFalse(InkTexture.wanted(null));
    }
}
