package io.handwritingstudio.model;

import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelStoreTest {
    @TempDir
    Path dir;

    @Test
    void savedModelLoadsBackWithSamePredictionsAndCard() throws Exception {
        TrainedModel model = TestData.quickModel();
        Path file = dir.resolve("digits.zip");
        ModelStore.save(model.network(), model.card().withTestAccuracy(0.97), file);

        assertTrue(Files.exists(dir.resolve("digits.json")), "card written beside the model");
        try (var leftovers = Files.list(dir)) {
            assertEquals(0, leftovers.filter(p -> p.getFileName().toString().startsWith(".saving-")).count(),
                    "no temp files left behind");
        }
        TrainedModel loaded = ModelStore.load(file);
        assertEquals(model.classes(), loaded.classes());
        assertEquals(0.97, loaded.card().testAccuracy());
        LabeledImages test = TestData.mnistTest();
        float[] pixels = new float[784 * 5];
        for (int i = 0; i < 5; i++) test.copyImage(i, pixels, i * 784);
        float[][] before = model.predict(pixels, 5);
        float[][] after = loaded.predict(pixels, 5);
        for (int i = 0; i < 5; i++) assertArrayEquals(before[i], after[i], 1e-6f);
    }

    @Test
    void truncatedZipIsAClearError() throws Exception {
        Path good = dir.resolve("good.zip");
        ModelStore.save(TestData.quickModel().network(), TestData.quickModel().card(), good);
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = dir.resolve("truncated.zip");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));

        ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelStore.load(truncated));
        assertTrue(e.getMessage().startsWith("truncated.zip: not a valid model file"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line");
    }

    @Test
    void savingOverAGoodModelReplacesItWhole() throws Exception {
        Path file = dir.resolve("m.zip");
        ModelStore.save(TestData.quickModel().network(), TestData.quickModel().card().withName("first"), file);
        ModelStore.save(TestData.quickModel().network(), TestData.quickModel().card().withName("second"), file);
        assertEquals("second", ModelStore.load(file).card().name());
    }

    @Test
    void missingFileAndUnknownNameAreClearErrors() {
        assertThrows(ModelLoadException.class, () -> ModelStore.load(dir.resolve("nope.zip")));
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelLocator.resolve("no-such-model"));
        assertTrue(e.getMessage().contains("no model named 'no-such-model'"), e.getMessage());
    }

    @Test
    void oneDnnHelpersAreActiveForConvolutions() {
        // The M2.1 workaround (org.nd4j.nativeblas.Nd4jCpu) makes DL4J use oneDNN: 4-5x faster training.
        assertTrue(EngineSetup.oneDnnAvailable(), "oneDNN reported unavailable");
        var layer = TestData.quickModel().network().getLayer(0);
        var helper = ((org.deeplearning4j.nn.layers.convolution.ConvolutionLayer) layer).getHelper();
        assertTrue(helper != null && helper.getClass().getSimpleName().equals("MKLDNNConvHelper"),
                "conv layer helper: " + helper);
    }
}
