package io.handwritingstudio.inference.reading;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The structured perceptron learns which readings are right from labelled candidate pieces alone. */
class CutTrainingTest {

    // Three cut positions: the whole group (0-2) or two pieces (0-1, 1-2). Feature 5 is the width in line heights:
    // groups wider than 1 are pairs (the two halves are characters), narrower ones single characters.
    private static final List<int[]> INTERVALS = List.of(new int[] {0, 2}, new int[] {0, 1}, new int[] {1, 2});

    @Test
    void learnsToSplitWidePairsAndKeepNarrowSinglesWhole() {
        assertSplitsPairsOnly(CutTraining.fit(examples()));
    }

    @Test
    void baggedPerceptronsLearnTheSameAndAreReproducible() {
        double[] w = CutTraining.bagged(examples(), CutTraining.BAGS, 7);
        assertSplitsPairsOnly(w);
        assertArrayEquals(w, CutTraining.bagged(examples(), CutTraining.BAGS, 7));
    }

    private static List<CutTraining.Example> examples() {
        List<CutTraining.Example> examples = new ArrayList<>();
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < 200; i++) {
            double width = 0.5 + random.nextDouble();
            boolean pair = width > 1;
            double[][] f = {piece(width), piece(width / 2), piece(width / 2)};
            examples.add(new CutTraining.Example(3, INTERVALS, f, new boolean[] {!pair, pair, pair}));
        }
        return examples;
    }

    private static void assertSplitsPairsOnly(double[] w) {
        for (double width : new double[] {0.6, 0.8, 1.2, 1.4}) {
            double[] scores = {CutVerifier.dot(w, piece(width)), CutVerifier.dot(w, piece(width / 2)),
                    CutVerifier.dot(w, piece(width / 2))};
            List<Integer> expected = width > 1 ? List.of(1, 2) : List.of(0);
            assertEquals(expected, Cuts.best(3, INTERVALS, scores), "width " + width);
        }
    }

    private static double[] piece(double width) {
        double[] f = new double[CutVerifier.WEIGHTS.length];
        f[0] = 1;
        f[5] = width;
        f[6] = width * width;
        return f;
    }
}
