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
}
