package io.handwritingstudio.visual;

import io.handwritingstudio.model.TrainedModel;
import org.junit.jupiter.api.Test;

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
    void projectsSamplesOfTheDenseLayer() throws Exception {
        TrainedModel model = TestModels.keras();
        int n = 60;
        float[] px = new float[n * 784];
        for (int i = 0; i < n; i++) TestModels.mnistTest().copyImage(i, px, i * 784);
        int[] calls = {0};
        float[][] xy = Projection.pca(model, px, n, Projection.defaultLayer(model), (d, t) -> calls[0]++, () -> false);
        assertEquals(n, xy.length);
        assertEquals(2, xy[0].length);
        assertEquals(1, calls[0], "60 images fit one batch");
        assertThrows(Projection.CancelledException.class,
                () -> Projection.pca(model, px, n, 1, (d, t) -> { }, () -> true));
    }
}
