package io.handwritingstudio.evaluation;

import io.handwritingstudio.data.ClassNames;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

    /** A model of classes a, c beside one of a, b, c: the smaller report is widened, by name, into the larger. */
    @Test
    void modelsWhoseClassesNestAreComparedInTheWiderClasses() {
        ClassNames ac = ClassNames.of("a", "c");
        // images: a, c, c; the small model reads them a (0.9), a (0.6), c (0.8)
        EvaluationReport small = new EvaluationReport(ac, new int[]{0, 1, 1}, new int[]{0, 0, 1},
                new float[]{0.9f, 0.1f, 0.6f, 0.4f, 0.2f, 0.8f});
        EvaluationReport wide = new EvaluationReport(ABC, new int[]{0, 2, 2}, new int[]{1, 2, 2},
                new float[]{0.3f, 0.6f, 0.1f, 0f, 0.1f, 0.9f, 0f, 0f, 1f});
        assertEquals(ABC, Comparison.commonClasses(ac, ABC));
        assertEquals(ABC, Comparison.commonClasses(ABC, ac));
        assertEquals(null, Comparison.commonClasses(ac, ClassNames.of("a", "b")));

        Comparison c = Comparison.across(small, wide);
        assertEquals(ABC, c.classes());
        EvaluationReport widened = c.a();
        assertArrayEquals(new int[]{0, 2, 2}, new int[]{widened.trueLabel(0), widened.trueLabel(1), widened.trueLabel(2)});
        assertArrayEquals(new int[]{0, 0, 2}, new int[]{widened.predicted(0), widened.predicted(1), widened.predicted(2)});
        assertArrayEquals(new float[]{0.6f, 0f, 0.4f}, widened.probabilities(1), "b, which it lacks, gets 0");
        assertEquals(small.accuracy(), widened.accuracy(), 1e-12);
        // image 0: only the small model right (the wide one reads b); image 1: only the wide one; image 2: both
        assertEquals(new Comparison.Agreement(1, 1, 1, 0, 0), c.agreement());
        assertArrayEquals(new int[]{0, 2}, c.classesWithImages(), "no image is a b: its row is left out of tables");
        assertEquals(-1.0, c.recallDifferences()[0], 1e-12); // a: 1 of 1 against 0 of 1
        assertEquals(0.5, c.recallDifferences()[2], 1e-12); // c: 1 of 2 against 2 of 2
    }

    @Test
    void classesThatDoNotNestCannotBeCompared() {
        EvaluationReport ab = new EvaluationReport(ClassNames.of("a", "b"), new int[]{0}, new int[]{0}, new float[]{1f, 0f});
        EvaluationReport ac = new EvaluationReport(ClassNames.of("a", "c"), new int[]{0}, new int[]{0}, new float[]{1f, 0f});
        assertThrows(IllegalArgumentException.class, () -> Comparison.across(ab, ac));
    }
}
