package io.handwritingstudio.evaluation;

import io.handwritingstudio.inference.Ranking;
import io.handwritingstudio.data.ClassNames;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Everything an evaluation found: per-sample predictions and probabilities, the confusion matrix
 * (rows = true class, columns = predicted class) and metrics derived from it.
 */
public final class EvaluationReport {
    private final ClassNames classes;
    private final int[] trueLabels;
    private final int[] predicted;
    private final float[] probabilities; // n x k, row-major
    private final int[][] confusion;

    public EvaluationReport(ClassNames classes, int[] trueLabels, int[] predicted, float[] probabilities) {
        this.classes = classes;
        this.trueLabels = trueLabels;
        this.predicted = predicted;
        this.probabilities = probabilities;
        int k = classes.size();
        this.confusion = new int[k][k];
        for (int i = 0; i < trueLabels.length; i++) confusion[trueLabels[i]][predicted[i]]++;
    }

    /**
     * The same evaluation in a wider class space (a digits model's report beside a digits+letters model's): every
     * class keeps its name, and the classes this model does not have get probability 0.
     */
    public EvaluationReport widenedTo(ClassNames wider) {
        if (wider.equals(classes)) return this;
        int k = classes.size(), w = wider.size();
        int[] map = new int[k];
        for (int c = 0; c < k; c++) {
            map[c] = wider.indexOf(classes.name(c));
            if (map[c] < 0) throw new IllegalArgumentException("class '" + classes.name(c) + "' is not among the wider classes");
        }
        int n = size();
        int[] t = new int[n], p = new int[n];
        float[] probs = new float[n * w];
        for (int i = 0; i < n; i++) {
            t[i] = map[trueLabels[i]];
            p[i] = map[predicted[i]];
            for (int c = 0; c < k; c++) probs[i * w + map[c]] = probabilities[i * k + c];
        }
        return new EvaluationReport(wider, t, p, probs);
    }

    public ClassNames classes() { return classes; }
    public int size() { return trueLabels.length; }
    public int trueLabel(int i) { return trueLabels[i]; }
    public int predicted(int i) { return predicted[i]; }

    public float confidence(int i) {
        return probabilities[i * classes.size() + predicted[i]];
    }

    public float probability(int i, int classIndex) {
        return probabilities[i * classes.size() + classIndex];
    }

    public float[] probabilities(int i) {
        int k = classes.size();
        return Arrays.copyOfRange(probabilities, i * k, (i + 1) * k);
    }

    /** The {@code n} most probable classes of sample {@code i}, most probable first. */
    public int[] topClasses(int i, int n) {
        return Ranking.top(probabilities(i), n);
    }

    /** Confusion counts: [true][predicted]. A copy. */
    public int[][] confusionMatrix() {
        return Arrays.stream(confusion).map(int[]::clone).toArray(int[][]::new);
    }

    public int correct() {
        int c = 0;
        for (int i = 0; i < confusion.length; i++) c += confusion[i][i];
        return c;
    }

    public double accuracy() {
        return size() == 0 ? Double.NaN : correct() / (double) size();
    }

    public List<ClassMetrics> perClass() {
        int k = classes.size();
        List<ClassMetrics> list = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            int tp = confusion[c][c];
            int actual = Arrays.stream(confusion[c]).sum();
            int predictedAs = 0;
            for (int[] row : confusion) predictedAs += row[c];
            double precision = predictedAs == 0 ? 0 : tp / (double) predictedAs;
            double recall = actual == 0 ? 0 : tp / (double) actual;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            list.add(new ClassMetrics(c, classes.name(c), precision, recall, f1, actual));
        }
        return list;
    }

    /** Every error, most confident first. */
    public List<Misclassification> misclassified() {
        return samples(i -> trueLabels[i] != predicted[i]);
    }

    /** The samples in one confusion-matrix cell, most confident first. */
    public List<Misclassification> cell(int trueClass, int predictedClass) {
        return samples(i -> trueLabels[i] == trueClass && predicted[i] == predictedClass);
    }

    private List<Misclassification> samples(java.util.function.IntPredicate which) {
        return IntStream.range(0, size()).filter(which)
                .mapToObj(i -> new Misclassification(i, trueLabels[i], predicted[i], confidence(i)))
                .sorted(Comparator.comparingDouble((Misclassification m) -> -m.confidence()).thenComparingInt(Misclassification::index))
                .toList();
    }
}
