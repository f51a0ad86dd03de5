package io.handwritingstudio.evaluation;

import io.handwritingstudio.data.ClassNames;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Two hand-made evaluations of five images: every number of the comparison can be checked by hand. */
class ComparisonTest {
    private static final ClassNames ABC = ClassNames.of("a", "b", "c");

    private static EvaluationReport report(int[] predicted, float[] confidence) {
        int[] truth = {0, 0, 1, 2, 2};
        float[] p = new float[truth.length * 3];
        for (int i = 0; i < truth.length; i++) {
            for (int c = 0; c < 3; c++) p[i * 3 + c] = c == predicted[i] ? confidence[i] : (1 - confidence[i]) / 2;
        }
        return new EvaluationReport(ABC, truth, predicted, p);
    }

    @Test
    void countsDeltasAndDisagreementsAreWhatTheyShouldBe() {
        EvaluationReport a = report(new int[]{0, 1, 1, 2, 0}, new float[]{0.9f, 0.8f, 0.7f, 0.9f, 0.6f});
        EvaluationReport b = report(new int[]{0, 0, 2, 2, 1}, new float[]{0.9f, 0.95f, 0.99f, 0.9f, 0.5f});
        Comparison c = new Comparison(a, b);
        assertEquals(0.0, c.accuracyDifference(), 1e-12, "both get 3 of 5");
        assertEquals(new Comparison.Agreement(2, 1, 1, 1, 0), c.agreement());
        assertArrayEquals(new double[]{0.5, -1.0, 0.0}, c.recallDifferences(), 1e-12);
        assertArrayEquals(new int[][]{{1, -1, 0}, {0, -1, 1}, {-1, 1, 0}}, c.confusionDifference());
        var d = c.disagreements();
        assertEquals(3, d.size());
        // strength = the lower of the two confidences: image 1 (A 80% b, B 95% a) before image 2 (A 70%, B 99%)
        assertEquals(1, d.get(0).index());
        assertEquals(2, d.get(1).index());
        assertEquals(4, d.get(2).index());
        assertEquals(1, c.cell(2, 1).size(), "image 4: true c, B says b");
    }
}
