package io.handwritingstudio.ui.evaluation;

import io.handwritingstudio.data.ClassNames;
import io.handwritingstudio.evaluation.EvaluationReport;
import io.handwritingstudio.evaluation.Misclassification;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueriesTest {
    private final List<Misclassification> errors = List.of(
            new Misclassification(5, 4, 9, 0.90f), new Misclassification(2, 4, 9, 0.55f),
            new Misclassification(8, 7, 1, 0.99f), new Misclassification(1, 3, 5, 0.40f),
            new Misclassification(9, 4, 6, 0.70f));

    @Test
    void filtersByTrueAndPredictedClass() {
        assertEquals(List.of(5, 9, 2), indices(new ErrorQuery(4, ErrorQuery.ANY, ErrorOrder.MOST_CONFIDENT).apply(errors)));
        assertEquals(List.of(5, 2), indices(new ErrorQuery(4, 9, ErrorOrder.MOST_CONFIDENT).apply(errors)));
        assertEquals(List.of(8), indices(new ErrorQuery(ErrorQuery.ANY, 1, ErrorOrder.MOST_CONFIDENT).apply(errors)));
        assertTrue(new ErrorQuery(0, ErrorQuery.ANY, ErrorOrder.MOST_CONFIDENT).apply(errors).isEmpty());
    }

    @Test
    void sortsByConfidenceOrClass() {
        assertEquals(List.of(8, 5, 9, 2, 1), indices(new ErrorQuery(-1, -1, ErrorOrder.MOST_CONFIDENT).apply(errors)));
        assertEquals(List.of(1, 2, 9, 5, 8), indices(new ErrorQuery(-1, -1, ErrorOrder.LEAST_CONFIDENT).apply(errors)));
        assertEquals(List.of(1, 5, 9, 2, 8), indices(new ErrorQuery(-1, -1, ErrorOrder.BY_TRUE_CLASS).apply(errors)));
        assertEquals(List.of(8, 1, 9, 5, 2), indices(new ErrorQuery(-1, -1, ErrorOrder.BY_PREDICTED_CLASS).apply(errors)));
    }

    @Test
    void predictionGridPicksRandomSamplesOneClassOrAllInTheRequestedOrder() {
        EvaluationReport report = FakeReports.random(36, 500, 0.7, 3);
        List<Integer> random = new PredictionQuery(PredictionQuery.Mode.RANDOM, 0, PredictionQuery.Order.DATASET, 1).apply(report);
        assertEquals(PredictionQuery.RANDOM_COUNT, random.size());
        assertEquals(random.size(), random.stream().distinct().count());
        assertEquals(random, new PredictionQuery(PredictionQuery.Mode.RANDOM, 0, PredictionQuery.Order.DATASET, 1).apply(report),
                "the same seed gives the same sample");
        List<Integer> sevens = new PredictionQuery(PredictionQuery.Mode.ONE_CLASS, 7, PredictionQuery.Order.LEAST_CONFIDENT, 1).apply(report);
        assertTrue(sevens.stream().allMatch(i -> report.trueLabel(i) == 7));
        assertEquals(report.confusionMatrix()[7].length == 36 ? java.util.Arrays.stream(report.confusionMatrix()[7]).sum() : -1, sevens.size());
        for (int i = 1; i < sevens.size(); i++) {
            assertTrue(report.confidence(sevens.get(i - 1)) <= report.confidence(sevens.get(i)), "least confident first");
        }
        List<Integer> all = new PredictionQuery(PredictionQuery.Mode.ALL, 0, PredictionQuery.Order.MOST_CONFIDENT, 1).apply(report);
        assertEquals(500, all.size());
        assertTrue(report.confidence(all.get(0)) >= report.confidence(all.get(499)));
    }

    @Test
    void mostFrequentConfusionIsTheLargestOffDiagonalCell() {
        ClassNames names = ClassNames.digits();
        int[] truth = {0, 0, 1, 1, 1, 2, 2, 2, 2};
        int[] guess = {0, 1, 2, 2, 1, 0, 0, 0, 2};
        float[] p = new float[truth.length * 10];
        for (int i = 0; i < truth.length; i++) p[i * 10 + guess[i]] = 1;
        EvaluationReport report = new EvaluationReport(names, truth, guess, p);
        assertEquals(new MatrixCell(2, 0), MatrixCell.mostFrequentConfusion(report.confusionMatrix()));
    }

    private static List<Integer> indices(List<Misclassification> list) {
        return list.stream().map(Misclassification::index).toList();
    }
}
