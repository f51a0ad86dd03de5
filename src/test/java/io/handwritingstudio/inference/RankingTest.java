package io.handwritingstudio.inference;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RankingTest {

    @Test
    void argmaxTakesTheFirstOfEqualMaxima() {
        assertEquals(2, Ranking.argmax(new float[] {0.1f, 0.2f, 0.6f, 0.1f}));
        assertEquals(1, Ranking.argmax(new float[] {0.1f, 0.4f, 0.4f, 0.1f}));
    }

    @Test
    void topListsTheLargestFirstAndStopsAtTheArrayLength() {
        float[] p = {0.05f, 0.5f, 0.05f, 0.3f, 0.1f};
        assertArrayEquals(new int[] {1, 3, 4}, Ranking.top(p, 3));
        assertArrayEquals(new int[] {1, 3, 4, 0, 2}, Ranking.top(p, 9));
    }
}
