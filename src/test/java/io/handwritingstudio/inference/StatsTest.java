package io.handwritingstudio.inference;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StatsTest {
    @Test
    void quantilesMatchASortedCopy() {
        Random random = new Random(7);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + random.nextInt(trial < 100 ? 12 : 3000);
            int distinct = 1 + random.nextInt(trial % 3 == 0 ? 3 : 1000); // few distinct values: clean paper
            float[] values = new float[n];
            for (int i = 0; i < n; i++) values[i] = random.nextInt(distinct) / (float) distinct;
            float[] sorted = values.clone();
            Arrays.sort(sorted);
            for (double q : new double[] {0, 0.1, 0.5, 0.9, 1}) {
                int k = (int) Math.round(q * (n - 1));
                assertEquals(sorted[k], Stats.quantile(values, n, q), "n=" + n + " q=" + q);
            }
        }
    }

    @Test
    void quantileLeavesTheInputAlone() {
        float[] values = {3, 1, 2, 5, 4};
        assertEquals(3f, Stats.median(values, 5));
        assertEquals(1f, Stats.quantile(values, 5, 0));
        assertEquals(3f, Stats.quantile(values, 3, 1)); // only the first three count
        assertEquals(3f, values[0]);
        assertEquals(4f, values[4]);
    }
}
