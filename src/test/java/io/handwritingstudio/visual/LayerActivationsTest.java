package io.handwritingstudio.visual;

import io.handwritingstudio.model.Architecture;
import io.handwritingstudio.model.TrainedModel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LayerActivationsTest {

    @Test
    void classicLayersHaveTheirKindsAndShapes() throws Exception {
        LayerActivations acts = LayerActivations.compute(TestModels.untrained(Architecture.CLASSIC), TestModels.image(0));
        List<String> shapes = acts.layers().stream().map(l -> l.kind().label() + " " + l.shapeText()).toList();
        assertEquals(List.of("input 1 x 28 x 28", "conv 32 x 26 x 26", "pooling 32 x 13 x 13", "conv 64 x 11 x 11",
                "pooling 64 x 5 x 5", "conv 64 x 3 x 3", "dense 64 units", "output 10 units"), shapes);
    }

    @Test
    void firstConvMatchesAManualConvolution() throws Exception {
        TrainedModel model = TestModels.untrained(Architecture.CLASSIC);
        float[] px = TestModels.image(0);
        assertConvMatches(model, px, LayerActivations.compute(model, px));
    }

    /** Keras imports are channels-last: channel c must still be the map that kernel c produces. */
    @Test
    void kerasImportChannelsAreRealChannels() throws Exception {
        TrainedModel model = TestModels.keras();
        float[] px = TestModels.image(3);
        LayerActivations acts = LayerActivations.compute(model, px);
        assertTrue(acts.layer(1).channels() > 1, "conv layer has several channels");
        assertConvMatches(model, px, acts);
    }

    @Test
    void outputIsTheModelsPrediction() throws Exception {
        TrainedModel model = TestModels.keras();
        float[] px = TestModels.image(7);
        assertArrayEquals(model.predictOne(px), LayerActivations.compute(model, px).probabilities(), 1e-5f);
    }

    /** Every output position of the first conv layer = ReLU(bias + sum of kernel x input window), valid padding. */
    private static void assertConvMatches(TrainedModel model, float[] px, LayerActivations acts) {
        FilterBank bank = LayerFilters.of(model).get(0);
        LayerMap conv = acts.layer(bank.layerIndex());
        float[] bias = model.network().getLayer(bank.layerIndex() - 1).getParam("b").toFloatVector();
        int checked = 0;
        for (int c = 0; c < bank.outChannels(); c += 5) {
            for (int y = 0; y < conv.height(); y += 4) {
                for (int x = 0; x < conv.width(); x += 3) {
                    double sum = bias[c];
                    for (int ky = 0; ky < bank.height(); ky++) {
                        for (int kx = 0; kx < bank.width(); kx++) {
                            sum += bank.weight(c, 0, ky, kx) * px[(y + ky) * 28 + x + kx];
                        }
                    }
                    assertEquals(Math.max(0, sum), conv.value(c, y, x), 1e-4, "channel " + c + " at " + y + "," + x);
                    checked++;
                }
            }
        }
        assertTrue(checked > 100);
    }
}
