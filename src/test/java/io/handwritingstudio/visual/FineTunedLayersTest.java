package io.handwritingstudio.visual;

import io.handwritingstudio.data.ClassNames;
import io.handwritingstudio.model.Architecture;
import io.handwritingstudio.model.InputLayout;
import io.handwritingstudio.model.ModelCard;
import io.handwritingstudio.model.ModelStore;
import io.handwritingstudio.model.TrainedModel;
import io.handwritingstudio.training.FineTuning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A model fine-tuned with its convolutions frozen (issue 17's "classifier head" mode) wraps those layers in DL4J's
 * frozen-layer configuration. Inside the network, the pad's feature maps and the filters must still see them as the
 * convolutions, pooling and batch norm they are: before this, every frozen layer read as "other", so the pad showed
 * no feature maps at all for a fine-tuned model.
 */
class FineTunedLayersTest {
    @TempDir
    Path dir;

    @Test
    void frozenLayersKeepTheirKindsShapesAndFilters() throws Exception {
        TrainedModel base = TestModels.untrained(Architecture.STRONG);
        ClassNames digits = base.classes();
        ClassNames withSymbols = new ClassNames(Stream.concat(digits.names().stream(),
                Stream.of("equals", "minus", "plus", "times")).toList());
        FineTuning.Prepared tuned = FineTuning.prepare(base.network(), digits, withSymbols, FineTuning.Trainable.HEAD, 1e-3, 42);
        ModelCard card = new ModelCard("tuned", "dl4j", "mnist", withSymbols.names(), "STRONG", null, null, null,
                null, null, null, "28x28x1", null, null, null);
        TrainedModel fresh = new TrainedModel(tuned.network(), card, InputLayout.FLAT);
        Path file = dir.resolve("tuned.zip");
        ModelStore.save(tuned.network(), card, file);
        TrainedModel reloaded = ModelStore.load(file);

        float[] image = TestModels.image(0);
        List<String> expected = shapes(base, image);
        for (TrainedModel model : List.of(fresh, reloaded)) {
            List<String> seen = shapes(model, image);
            assertEquals(expected.subList(0, expected.size() - 1), seen.subList(0, seen.size() - 1),
                    "every layer but the grown output keeps its kind and shape");
            assertEquals("output 14 units", seen.get(seen.size() - 1));
            assertEquals(LayerFilters.of(base).size(), LayerFilters.of(model).size(), "the frozen convolutions' filters");
        }
    }

    private static List<String> shapes(TrainedModel model, float[] image) {
        return LayerActivations.compute(model, image).layers().stream().map(l -> l.kind().label() + " " + l.shapeText()).toList();
    }
}
