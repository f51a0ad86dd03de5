package io.handwritingstudio.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handwritingstudio.evaluation.EvaluationReport;
import io.handwritingstudio.evaluation.Evaluator;
import io.handwritingstudio.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seed project's format: real Keras 2.15 models and reference outputs (test resources, see NOTICE). */
class KerasImportTest {
    private static final String MODEL = "handwritten_digit_recognition_model.h5";

    @TempDir
    Path dir;

    @Test
    void importedModelMatchesReferenceAccuracyAndPredictions() throws Exception {
        Path keras = TestData.kerasFixtures();
        TrainedModel model = ModelStore.load(keras.resolve(MODEL));
        assertEquals(InputLayout.NHWC, model.layout());

        EvaluationReport report = Evaluator.evaluate(model, TestData.mnistTest());
        assertEquals(0.9916, report.accuracy(), 1e-9, "reference accuracy");

        JsonNode reference = new ObjectMapper().readTree(keras.resolve("expected-mnist-t10k-outputs.json").toFile())
                .get("models").get(MODEL);
        String expected = reference.get("argmax_all_10000").asText();
        int agree = 0;
        for (int i = 0; i < report.size(); i++) {
            if (expected.charAt(i) - '0' == report.predicted(i)) agree++;
        }
        assertTrue(agree >= 9990, "per-image agreement " + agree + "/10000");
        JsonNode first = reference.get("first20").get(0).get("probs");
        for (int c = 0; c < 10; c++) assertEquals(first.get(c).asDouble(), report.probability(0, c), 1e-4);
    }

    @Test
    void modelForAnotherInputShapeIsRefused() throws Exception {
        byte[] bytes = Files.readAllBytes(TestData.kerasFixtures().resolve(MODEL));
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        // Same length, so the HDF5 structure stays valid: the model now declares 32x32x1 inputs.
        String patched = text.replace("\"batch_input_shape\": [null, 28, 28, 1]", "\"batch_input_shape\": [null, 32, 32, 1]");
        assertTrue(!patched.equals(text), "fixture patch applied");
        Path wrong = dir.resolve("wrong-shape.h5");
        Files.write(wrong, patched.getBytes(StandardCharsets.ISO_8859_1));

        ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelStore.load(wrong));
        assertEquals("wrong-shape.h5: the model expects input of shape 32x32x1, but Handwriting Studio models read"
                + " 28x28x1 grey images", e.getMessage());
    }

    @Test
    void nonHdf5FileIsRefused() throws Exception {
        Path fake = dir.resolve("fake.h5");
        Files.writeString(fake, "not an hdf5 file");
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelStore.load(fake));
        assertTrue(e.getMessage().startsWith("fake.h5: not a Keras .h5 model"), e.getMessage());
    }
}
