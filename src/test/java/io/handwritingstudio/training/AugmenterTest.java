package io.handwritingstudio.training;

import io.handwritingstudio.testing.TestData;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AugmenterTest {
    private static float[] digit() {
        float[] img = new float[784];
        TestData.mnistTest().copyImage(0, img, 0);
        return img;
    }

    @Test
    void noDistortionIsTheIdentity() {
        float[] src = digit();
        float[] dst = new float[784];
        new Augmenter(0, 0, 0).distort(src, 0, dst, 0, 28, new SplittableRandom(1));
        assertArrayEquals(src, dst, 1e-5f);
    }

    @Test
    void distortionChangesPixelsButKeepsTheInk() {
        float[] src = digit();
        float[] dst = new float[784];
        new Augmenter(10, 0.1, 2).distort(src, 0, dst, 0, 28, new SplittableRandom(5));
        int changed = 0;
        double inkBefore = 0;
        double inkAfter = 0;
        for (int i = 0; i < 784; i++) {
            if (Math.abs(src[i] - dst[i]) > 0.05) changed++;
            inkBefore += src[i];
            inkAfter += dst[i];
        }
        assertTrue(changed > 20, "pixels changed: " + changed);
        assertEquals(1.0, inkAfter / inkBefore, 0.3, "ink roughly preserved");
    }

    @Test
    void batchesAreSeededAndOneHot() {
        BatchSource a = new BatchSource(TestData.mnistTrain().limit(500), 64, 9, Augmenter.standard());
        BatchSource b = new BatchSource(TestData.mnistTrain().limit(500), 64, 9, Augmenter.standard());
        assertArrayEquals(a.order(3), b.order(3), "same seed and epoch, same order");
        var batch = a.batch(a.order(3), 3, 0);
        assertEquals(64, batch.numExamples());
        assertEquals(64.0, batch.getLabels().sumNumber().doubleValue(), 1e-6);
        assertEquals(batch.getFeatures(), b.batch(b.order(3), 3, 0).getFeatures(), "same augmentation");
    }

    @Test
    void lettersGetSlantWarpAndPenWidthOnTopOfTheStandardDistortions() {
        assertEquals(Augmenter.standard().describe(), Augmenter.forDataset("mnist").describe(), "digits keep theirs");
        assertTrue(Augmenter.forDataset("letters").describe().contains("elastic"), Augmenter.forDataset("letters").describe());
        assertEquals(Augmenter.forDataset("letters").describe(), Augmenter.forDataset("characters").describe());
        // The same affine draw with and without the extras: the extras alone move pixels, and keep most of the ink.
        float[] src = digit();
        float[] plain = new float[784];
        float[] hard = new float[784];
        int differing = 0;
        for (long seed = 1; seed <= 20; seed++) {
            new Augmenter(10, 0.1, 2).distort(src, 0, plain, 0, 28, new SplittableRandom(seed));
            Augmenter.handwriting().distort(src, 0, hard, 0, 28, new SplittableRandom(seed));
            double changed = 0, inkPlain = 0, inkHard = 0;
            for (int i = 0; i < 784; i++) {
                changed += Math.abs(plain[i] - hard[i]);
                inkPlain += plain[i];
                inkHard += hard[i];
            }
            if (changed > 5) differing++;
            double ink = inkHard / inkPlain; // a thicker pen adds up to about half again, a thinner one takes some away
            assertTrue(ink > 0.5 && ink < 1.8, "seed " + seed + ": ink roughly kept: " + ink);
        }
        assertTrue(differing >= 18, "slant and warp change almost every image: " + differing + " of 20");
    }
}
