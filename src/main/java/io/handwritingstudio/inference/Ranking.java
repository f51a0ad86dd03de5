package io.handwritingstudio.inference;

import java.util.Comparator;
import java.util.stream.IntStream;

/** Which classes a probability vector favours: the one way the application picks a prediction and its runners-up. */
public final class Ranking {
    private Ranking() {
    }

    /** Index of the largest value; the first one on a tie, 0 for an empty array. */
    public static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
        return best;
    }

    /** The {@code k} largest values' indices, largest first (ties in index order); fewer when there are fewer. */
    public static int[] top(float[] values, int k) {
        return IntStream.range(0, values.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -values[i]))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }
}
