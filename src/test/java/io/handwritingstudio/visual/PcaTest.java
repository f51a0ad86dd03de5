package io.handwritingstudio.visual;

import io.handwritingstudio.model.TrainedModel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PcaTest {

    @Test
    void pointsOnALineGiveThatLinesDirection() {
        double[] dir = {1, 2, -2, 0, 4};
        double norm = 5;
        Random random = new Random(1);
        float[][] rows = new float[300][5];
        for (float[] r : rows) {
            double t = random.nextGaussian() * 10;
            for (int i = 0; i < 5; i++) r[i] = (float) (3 + t * dir[i] / norm + random.nextGaussian() * 0.01);
        }
        double[] first = Pca.components(rows, 2)[0];
        double dot = 0;
        for (int i = 0; i < 5; i++) dot += first[i] * dir[i] / norm;
        assertEquals(1.0, Math.abs(dot), 1e-4);
    }

    @Test
    void secondComponentIsOrthogonalToTheFirst() {
        Random random = new Random(2);
        float[][] rows = new float[200][4];
        for (float[] r : rows) for (int i = 0; i < 4; i++) r[i] = (float) (random.nextGaussian() * (i + 1));
        double[][] c = Pca.components(rows, 2);
        double dot = 0;
        for (int i = 0; i < 4; i++) dot += c[0][i] * c[1][i];
        assertEquals(0, dot, 1e-6);
        assertEquals(1.0, Math.abs(c[0][3]), 0.05, "largest variance is along the last axis");
    }

    @Test
    void mapsTheFirstImagesOfADatasetThroughTheDenseLayer() throws Exception {
        TrainedModel model = TestModels.keras();
        var images = TestModels.mnistTest();
        List<String> stages = new ArrayList<>();
        double[] progress = {0};
        Projection.Result map = Projection.map(model, images, 60, Projection.Method.PCA, stages::add,
                (d, t) -> progress[0] = (double) d / t, () -> false);
        assertEquals(60, map.xy().length);
        assertEquals(2, map.xy()[0].length);
        for (int i = 0; i < 60; i++) {
            assertEquals(i, map.indices()[i]);
            assertEquals(images.label(i), map.labels()[i]);
        }
        assertEquals(Projection.layerName(model, Projection.defaultLayer(model)), map.layerName());
        assertEquals(List.of("Running 60 images through the network...", "Projecting with PCA..."), stages);
        assertEquals(0.9, progress[0], 1e-9, "the network pass is 90% of a PCA map");
        assertThrows(Projection.CancelledException.class, () -> Projection.map(model, images, 60,
                Projection.Method.PCA, s -> { }, (d, t) -> { }, () -> true));
    }
}
