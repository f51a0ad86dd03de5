package io.handwritingstudio.ui.evaluation;

import io.handwritingstudio.evaluation.EvaluationReport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/** Which evaluated samples the prediction grid shows and in what order. */
public record PredictionQuery(Mode mode, int classIndex, Order order, long seed) {
    public static final int RANDOM_COUNT = 120;

    public enum Mode {
        RANDOM("A random " + RANDOM_COUNT), ONE_CLASS("One class"), ALL("All");
        private final String label;
        Mode(String label) { this.label = label; }
        @Override public String toString() { return label; }
    }

    public enum Order {
        DATASET("Dataset order"), LEAST_CONFIDENT("Least confident first"), MOST_CONFIDENT("Most confident first");
        private final String label;
        Order(String label) { this.label = label; }
        @Override public String toString() { return label; }
    }

    public List<Integer> apply(EvaluationReport report) {
        List<Integer> indices = switch (mode) {
            case ALL -> IntStream.range(0, report.size()).boxed().toList();
            case ONE_CLASS -> IntStream.range(0, report.size()).filter(i -> report.trueLabel(i) == classIndex).boxed().toList();
            case RANDOM -> random(report.size());
        };
        Comparator<Integer> byConfidence = Comparator.comparingDouble(report::confidence);
        return switch (order) {
            case DATASET -> indices;
            case LEAST_CONFIDENT -> indices.stream().sorted(byConfidence.thenComparing(i -> i)).toList();
            case MOST_CONFIDENT -> indices.stream().sorted(byConfidence.reversed().thenComparing(i -> i)).toList();
        };
    }

    private List<Integer> random(int size) {
        List<Integer> all = new ArrayList<>(IntStream.range(0, size).boxed().toList());
        Collections.shuffle(all, new Random(seed));
        List<Integer> picked = new ArrayList<>(all.subList(0, Math.min(RANDOM_COUNT, size)));
        Collections.sort(picked);
        return picked;
    }
}
