package io.handwritingstudio.data;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class LabeledImagesTest {

    @Test
    void classMeansAverageEachClassAndLeaveAnEmptyClassBlack() {
        // three 1x2 images: class 0 twice, class 2 once, class 1 never
        byte[] pixels = {(byte) 10, (byte) 200, (byte) 30, (byte) 255, (byte) 7, (byte) 0};
        LabeledImages images = new LabeledImages(pixels, new int[] {0, 0, 2}, 1, 2, ClassNames.of("a", "b", "c"));
        float[][] means = images.classMeans();
        assertArrayEquals(new float[] {20f, 227.5f}, means[0]);
        assertArrayEquals(new float[] {0f, 0f}, means[1]);
        assertArrayEquals(new float[] {7f, 0f}, means[2]);
        assertArrayEquals(new int[] {2, 0, 1}, images.classCounts());
    }
}
