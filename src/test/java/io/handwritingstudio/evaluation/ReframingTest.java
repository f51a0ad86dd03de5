package io.handwritingstudio.evaluation;

import io.handwritingstudio.model.InputLayout;
import io.handwritingstudio.model.ModelCard;
import io.handwritingstudio.model.ModelStore;
import io.handwritingstudio.model.TrainedModel;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which models get the EMNIST-framed letters re-framed MNIST's way: those whose family learnt from MNIST-framed images. */
class ReframingTest {
    @Test
    void aFineTunedLettersModelReadsTheLettersAsItsParentLearntThem() throws Exception {
        TrainedModel letters = ModelStore.load(Path.of("models", "letters.zip"));
        assertFalse(Compatibility.reframes(letters, "letters"));

        TrainedModel child = withCard(letters, "/home/u/my-letters", Map.of("parent", "letters", "parentDataset", "letters"));
        assertFalse(Compatibility.reframes(child, "letters"), "trained on a folder, but the letters' framing is its family's");
        Map<String, Object> grand = new LinkedHashMap<>();
        grand.put("parentDataset", "/home/u/my-letters");
        grand.put("originDataset", child.card().originDataset());
        assertFalse(Compatibility.reframes(withCard(letters, "/home/u/more", grand), "letters"), "a grandchild too");

        assertTrue(Compatibility.reframes(withCard(letters, "/home/u/drawings", null), "letters"),
                "a model trained from scratch on drawings learnt MNIST's framing");
        assertTrue(Compatibility.reframes(ModelStore.load(Path.of("models", "characters.zip")), "letters"));
    }

    private static TrainedModel withCard(TrainedModel model, String dataset, Map<String, Object> lineage) {
        ModelCard c = model.card();
        ModelCard card = new ModelCard("mine", c.format(), dataset, c.classNames(), c.architecture(), c.hyperparameters(),
                c.seed(), c.epochs(), c.testAccuracy(), c.trainingSeconds(), c.preprocessing(), c.inputShape(), c.created(),
                c.command(), c.notes(), c.design(), lineage);
        return new TrainedModel(model.network(), card, InputLayout.FLAT);
    }
}
