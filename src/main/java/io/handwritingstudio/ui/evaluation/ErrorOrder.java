package io.handwritingstudio.ui.evaluation;

import io.handwritingstudio.evaluation.Misclassification;

import java.util.Comparator;

/** How the misclassified explorer orders errors. */
public enum ErrorOrder {
    MOST_CONFIDENT("Most confident first", Comparator.comparingDouble((Misclassification m) -> -m.confidence())),
    LEAST_CONFIDENT("Least confident first", Comparator.comparingDouble(Misclassification::confidence)),
    BY_TRUE_CLASS("By true class", Comparator.comparingInt(Misclassification::trueClass)
            .thenComparingDouble(m -> -m.confidence())),
    BY_PREDICTED_CLASS("By predicted class", Comparator.comparingInt(Misclassification::predictedClass)
            .thenComparingDouble(m -> -m.confidence()));

    private final String label;
    private final Comparator<Misclassification> comparator;

    ErrorOrder(String label, Comparator<Misclassification> comparator) {
        this.label = label;
        this.comparator = comparator.thenComparingInt(Misclassification::index);
    }

    public Comparator<Misclassification> comparator() {
        return comparator;
    }

    @Override
    public String toString() {
        return label;
    }
}
