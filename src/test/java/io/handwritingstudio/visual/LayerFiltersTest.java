package io.handwritingstudio.visual;

import io.handwritingstudio.model.Architecture;
import io.handwritingstudio.model.TrainedModel;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LayerFiltersTest {

    @Test
    void firstLayerKernelsAreTheLayersWeights() {
        TrainedModel model = TestModels.untrained(Architecture.CLASSIC);
        List<FilterBank> banks = LayerFilters.of(model);
        assertEquals(3, banks.size());
        FilterBank first = banks.get(0);
        assertEquals(List.of(32, 1, 3, 3), List.of(first.outChannels(), first.inChannels(), first.height(), first.width()));
        INDArray w = model.network().getLayer(0).getParam("W");
        for (int o = 0; o < 32; o++) {
            for (int y = 0; y < 3; y++) {
                for (int x = 0; x < 3; x++) assertEquals(w.getFloat(o, 0, y, x), first.weight(o, 0, y, x));
            }
        }
        assertEquals(w.minNumber().floatValue(), first.min());
        assertEquals(w.maxNumber().floatValue(), first.max());
    }

    @Test
    void deeperLayersHaveOneKernelPerInputChannel() {
        FilterBank second = LayerFilters.of(TestModels.untrained(Architecture.CLASSIC)).get(1);
        assertEquals(64, second.outChannels());
        assertEquals(32, second.inChannels());
        assertEquals(second.weight(5, 7, 2, 1), second.kernel(5, 7)[2 * 3 + 1]);
    }

    @Test
    void strongModelHasFourConvLayers() {
        assertEquals(4, LayerFilters.of(TestModels.untrained(Architecture.STRONG)).size());
    }
}
