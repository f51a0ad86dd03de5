package io.handwritingstudio.visual;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TsneTest {

    /** Three separated blobs in 10-D stay three separated groups in 2-D. */
    @Test
    void keepsClustersApart() {
        int perCluster = 60;
        float[][] rows = new float[3 * perCluster][10];
        Random random = new Random(3);
        for (int i = 0; i < rows.length; i++) {
            int c = i / perCluster;
            for (int k = 0; k < 10; k++) rows[i][k] = (float) ((k == c ? 10 : 0) + random.nextGaussian());
        }
        float[][] y = new Tsne(20, 300, 1).embed(rows, (d, t) -> { }, () -> false);
        double[][] centre = new double[3][2];
        for (int i = 0; i < y.length; i++) {
            centre[i / perCluster][0] += y[i][0] / perCluster;
            centre[i / perCluster][1] += y[i][1] / perCluster;
        }
        double spread = 0;
        for (int i = 0; i < y.length; i++) spread += Math.hypot(y[i][0] - centre[i / perCluster][0],
                y[i][1] - centre[i / perCluster][1]) / y.length;
        for (int a = 0; a < 3; a++) {
            for (int b = a + 1; b < 3; b++) {
                double gap = Math.hypot(centre[a][0] - centre[b][0], centre[a][1] - centre[b][1]);
                assertTrue(gap > 2 * spread, "clusters " + a + "," + b + ": gap " + gap + " spread " + spread);
            }
        }
    }

    @Test
    void stopsWhenCancelled() {
        float[][] rows = new float[50][3];
        assertThrows(Projection.CancelledException.class, () -> new Tsne().embed(rows, (d, t) -> { }, () -> true));
    }
}
