package io.handwritingstudio.evaluation;

import io.handwritingstudio.data.ClassNames;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Two models on the same images: where they agree, where they part, and which one is right when they do.
 * A is the reference, B the challenger: every difference reads "B minus A".
 */
public final class Comparison {
    private final EvaluationReport a;
    private final EvaluationReport b;

    /** Both reports must cover the same images in the same order, in the same class space. */
    public Comparison(EvaluationReport a, EvaluationReport b) {
        if (a.size() != b.size() || !a.classes().equals(b.classes())) {
            throw new IllegalArgumentException("the two evaluations cover different images or classes");
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.trueLabel(i) != b.trueLabel(i)) throw new IllegalArgumentException("the two evaluations cover different images");
        }
        this.a = a;
        this.b = b;
    }

    /**
     * Two models whose classes differ, compared where both can answer: when one model's classes are among the
     * other's (digits within digits+letters), the smaller model's report is widened to the larger class space, so a
     * digits model and a characters model can be compared on MNIST. Null when neither contains the other.
     */
    public static ClassNames commonClasses(ClassNames a, ClassNames b) {
        if (a.names().containsAll(b.names())) return a;
        if (b.names().containsAll(a.names())) return b;
        return null;
    }

    /** {@link #Comparison} after bringing both reports into their {@link #commonClasses}. */
    public static Comparison across(EvaluationReport a, EvaluationReport b) {
        ClassNames common = commonClasses(a.classes(), b.classes());
        if (common == null) throw new IllegalArgumentException("the two evaluations have no class space in common");
        return new Comparison(a.widenedTo(common), b.widenedTo(common));
    }

    public EvaluationReport a() { return a; }

    public EvaluationReport b() { return b; }

    public ClassNames classes() { return a.classes(); }

    public int size() { return a.size(); }

    /** B's accuracy minus A's, in fractions (0.004 = 0.4 points). */
    public double accuracyDifference() {
        return b.accuracy() - a.accuracy();
    }

    /** How the two models' answers relate, counted over every image. */
    public record Agreement(int bothRight, int onlyA, int onlyB, int bothWrong, int bothWrongSameAnswer) {
    }

    public Agreement agreement() {
        int both = 0, onlyA = 0, onlyB = 0, neither = 0, same = 0;
        for (int i = 0; i < size(); i++) {
            boolean ra = right(a, i), rb = right(b, i);
            if (ra && rb) both++;
            else if (ra) onlyA++;
            else if (rb) onlyB++;
            else {
                neither++;
                if (a.predicted(i) == b.predicted(i)) same++;
            }
        }
        return new Agreement(both, onlyA, onlyB, neither, same);
    }

    /**
     * The classes that have images here, in class order: a per-class table leaves out the rest (a digits model compared
     * with a digits+letters one on MNIST has 26 letter classes and no letter images).
     */
    public int[] classesWithImages() {
        return a.perClass().stream().filter(m -> m.support() > 0).mapToInt(ClassMetrics::classIndex).toArray();
    }

    /** Per class: recall of B minus recall of A (what fraction more of that class B gets right). */
    public double[] recallDifferences() {
        double[] out = new double[classes().size()];
        List<ClassMetrics> ma = a.perClass(), mb = b.perClass();
        for (int c = 0; c < out.length; c++) out[c] = mb.get(c).recall() - ma.get(c).recall();
        return out;
    }

    /** B's confusion matrix minus A's: positive where B puts more images, negative where it puts fewer. */
    public int[][] confusionDifference() {
        int[][] ca = a.confusionMatrix(), cb = b.confusionMatrix();
        int[][] out = new int[ca.length][ca.length];
        for (int t = 0; t < ca.length; t++) for (int p = 0; p < ca.length; p++) out[t][p] = cb[t][p] - ca[t][p];
        return out;
    }

    /**
     * An image the two models answer differently: what each says and how sure it is. {@code strength} is how
     * confidently they disagree: the smaller of the two confidences (both sure and both different is the sharpest case).
     */
    public record Disagreement(int index, int trueClass, int predictedA, float confidenceA, int predictedB,
                               float confidenceB) {
        public float strength() {
            return Math.min(confidenceA, confidenceB);
        }

        public boolean aRight() { return predictedA == trueClass; }

        public boolean bRight() { return predictedB == trueClass; }
    }

    /** Every image where the answers differ, most confident disagreements first. */
    public List<Disagreement> disagreements() {
        List<Disagreement> out = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            if (a.predicted(i) == b.predicted(i)) continue;
            out.add(new Disagreement(i, a.trueLabel(i), a.predicted(i), a.confidence(i), b.predicted(i), b.confidence(i)));
        }
        out.sort(Comparator.comparingDouble(Disagreement::strength).reversed().thenComparingInt(Disagreement::index));
        return out;
    }

    /** The disagreements in one cell of the difference matrix: images of {@code trueClass} that one model puts in {@code predicted}. */
    public List<Disagreement> cell(int trueClass, int predicted) {
        return disagreements().stream().filter(d -> d.trueClass() == trueClass
                && (d.predictedA() == predicted || d.predictedB() == predicted)).toList();
    }

    private static boolean right(EvaluationReport r, int i) {
        return r.predicted(i) == r.trueLabel(i);
    }
}
