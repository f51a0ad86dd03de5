package io.handwritingstudio.ui.evaluation;

import io.handwritingstudio.evaluation.Misclassification;

import java.util.List;

/**
 * Which errors the explorer shows: optionally only one true class and/or one predicted class, in an order.
 *
 * @param trueClass      a class index, or -1 for any
 * @param predictedClass a class index, or -1 for any
 */
public record ErrorQuery(int trueClass, int predictedClass, ErrorOrder order) {
    public static final int ANY = -1;

    public List<Misclassification> apply(List<Misclassification> errors) {
        return errors.stream()
                .filter(m -> trueClass == ANY || m.trueClass() == trueClass)
                .filter(m -> predictedClass == ANY || m.predictedClass() == predictedClass)
                .sorted(order.comparator())
                .toList();
    }
}
