package io.handwritingstudio.ui.evaluation;

import io.handwritingstudio.data.ClassNames;
import io.handwritingstudio.evaluation.EvaluationReport;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Synthetic evaluation reports for any class count (digits then capital letters, like EMNIST balanced). */
final class FakeReports {
    private FakeReports() {
    }

    static ClassNames names(int classes) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) names.add(c < 10 ? String.valueOf(c) : String.valueOf((char) ('A' + c - 10)));
        return new ClassNames(names);
    }

    /** {@code n} samples; each is right with probability {@code accuracy}, else confused with a random class. */
    static EvaluationReport random(int classes, int n, double accuracy, long seed) {
        return random(classes, classes, n, accuracy, seed);
    }

    /** The same, with images of the first {@code trueClasses} classes only (a 36-class model read on digits). */
    static EvaluationReport random(int classes, int trueClasses, int n, double accuracy, long seed) {
        Random random = new Random(seed);
        int[] truth = new int[n], guess = new int[n];
        float[] probabilities = new float[n * classes];
        for (int i = 0; i < n; i++) {
            truth[i] = random.nextInt(trueClasses);
            guess[i] = random.nextDouble() < accuracy ? truth[i] : random.nextInt(classes);
            float top = 0.3f + 0.7f * random.nextFloat();
            float rest = (1 - top) / (classes - 1);
            for (int c = 0; c < classes; c++) probabilities[i * classes + c] = c == guess[i] ? top : rest;
        }
        return new EvaluationReport(names(classes), truth, guess, probabilities);
    }
}
