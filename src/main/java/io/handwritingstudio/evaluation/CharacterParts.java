package io.handwritingstudio.evaluation;

import io.handwritingstudio.inference.LookAlikes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a model that reads digits and letters does on each part, and on the look-alike pairs where handwriting makes
 * one the other (O and 0, S and 5, ...): the share of each letter read as its digit and of each digit read as its
 * letter. The confusions users meet on the drawing pad, counted on a test set.
 */
public record CharacterParts(double digits, int digitSamples, double letters, int letterSamples, List<Pair> pairs) {

    /** One look-alike pair: share of the letter's images read as the digit, and the other way round. */
    public record Pair(String letter, String digit, double letterAsDigit, int letterSamples, double digitAsLetter,
                       int digitSamples) {
    }

    /** Empty unless the report's classes hold the digits 0-9 and at least one letter. */
    public static Optional<CharacterParts> of(EvaluationReport report) {
        List<String> names = report.classes().names();
        boolean hasDigits = names.size() > 10 && names.subList(0, 10).equals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
        if (!hasDigits) return Optional.empty();
        int[][] cm = report.confusionMatrix();
        int[] digitPart = part(cm, 0, 10);
        int[] letterPart = part(cm, 10, cm.length);
        List<Pair> pairs = new ArrayList<>();
        for (String[] p : LookAlikes.pairs()) {
            int l = names.indexOf(p[0]);
            int d = names.indexOf(p[1]);
            if (l < 0 || d < 0) continue;
            pairs.add(new Pair(p[0], p[1], share(cm, l, d), rowSum(cm, l), share(cm, d, l), rowSum(cm, d)));
        }
        return Optional.of(new CharacterParts(ratio(digitPart), digitPart[1], ratio(letterPart), letterPart[1], pairs));
    }

    /** The pair whose letter is most often read as its digit. */
    public Optional<Pair> worstLetterAsDigit() {
        return pairs.stream().max(java.util.Comparator.comparingDouble(Pair::letterAsDigit));
    }

    /** {right, total} over the true classes from..to-1. */
    private static int[] part(int[][] cm, int from, int to) {
        int right = 0, total = 0;
        for (int t = from; t < to; t++) {
            right += cm[t][t];
            total += rowSum(cm, t);
        }
        return new int[]{right, total};
    }

    private static int rowSum(int[][] cm, int t) {
        int s = 0;
        for (int v : cm[t]) s += v;
        return s;
    }

    private static double share(int[][] cm, int t, int p) {
        int n = rowSum(cm, t);
        return n == 0 ? 0 : cm[t][p] / (double) n;
    }

    private static double ratio(int[] rightTotal) {
        return rightTotal[1] == 0 ? 0 : rightTotal[0] / (double) rightTotal[1];
    }
}
