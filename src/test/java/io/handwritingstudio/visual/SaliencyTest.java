package io.handwritingstudio.visual;

import io.handwritingstudio.model.TrainedModel;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SaliencyTest {

    @Test
    void inkOnlyOnTheLeftMattersOnTheLeft() throws Exception {
        assertLeftHeavy(TestModels.trainedClassic());
        assertLeftHeavy(TestModels.keras());
    }

    @Test
    void patchesCoverTheWholeImage() {
        int[] starts = new Saliency(8, 3).starts();
        assertEquals(0, starts[0]);
        assertEquals(20, starts[starts.length - 1]);
    }

    @Test
    void chosenClassIsReported() throws Exception {
        SaliencyMap map = new Saliency().compute(TestModels.keras(), TestModels.image(0), 3);
        assertEquals(3, map.classIndex());
    }

    /** A "1"-like vertical stroke drawn in the left half: blanking the right half (empty) cannot change anything. */
    private static void assertLeftHeavy(TrainedModel model) {
        float[] px = new float[784];
        for (int y = 4; y < 24; y++) {
            for (int x = 7; x < 11; x++) px[y * 28 + x] = 1f;
        }
        SaliencyMap map = new Saliency().compute(model, px, -1);
        double left = 0;
        double right = 0;
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                if (x < 14) left += Math.abs(map.value(y, x));
                else right += Math.abs(map.value(y, x));
            }
        }
        assertTrue(left > 3 * right, model.displayName() + ": left " + left + " right " + right);
        assertTrue(map.max() > 0.01f, "blanking the stroke lowers the prediction");
    }
}
