package io.handwritingstudio.cli;

import io.handwritingstudio.evaluation.DrawnLetters;
import io.handwritingstudio.evaluation.DrawnLettersReport;
import io.handwritingstudio.model.TrainedModel;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** {@code evaluate --drawn}: the drawn-letters report as text or JSON. */
final class DrawnOutput {
    private DrawnOutput() {
    }

    static void print(TrainedModel model, DrawnLettersReport r, long seed) {
        System.out.printf(Locale.ROOT, "Model %s on drawn letters (%d per letter, %d drawings, seed %d, %s framing)%n",
                model.displayName(), r.perClass(), r.size(), seed, r.framing().name().toLowerCase(Locale.ROOT));
        System.out.printf(Locale.ROOT, "Upper case: %.2f%%%n", 100 * r.accuracy(true));
        System.out.printf(Locale.ROOT, "Lower case: %.2f%%%n", 100 * r.accuracy(false));
        System.out.printf(Locale.ROOT, "All:        %.2f%%%n", 100 * r.accuracy());
        if (r.hasDigits()) System.out.printf(Locale.ROOT, "Digits:     %.2f%%%n", 100 * r.digitAccuracy());
        System.out.println();
        System.out.printf(Locale.ROOT, "%-6s %7s %7s%n", "letter", "upper", "lower");
        for (int i = 0; i < 26; i++) {
            char upper = DrawnLetters.ALPHABET.charAt(i);
            char lower = DrawnLetters.ALPHABET.charAt(i + 26);
            System.out.printf(Locale.ROOT, "%-6s %6.1f%% %6.1f%%%n", upper + "/" + lower,
                    100 * r.accuracy(upper), 100 * r.accuracy(lower));
        }
        if (r.hasDigits()) {
            StringBuilder digits = new StringBuilder("digits");
            for (char d : DrawnLetters.DIGITS.toCharArray()) {
                digits.append(String.format(Locale.ROOT, "  %c %.0f%%", d, 100 * r.accuracy(d)));
            }
            System.out.println(digits);
        }
        var confusions = r.confusions(12);
        if (!confusions.isEmpty()) {
            System.out.println();
            System.out.println("Most frequent misreadings (drawn -> read, count):");
            for (var c : confusions) System.out.printf(Locale.ROOT, "  %s -> %s  %d%n", c.letter(), c.readAs(), c.count());
        }
    }

    static Map<String, Object> json(TrainedModel model, DrawnLettersReport r, long seed) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("model", model.displayName());
        o.put("drawnPerLetter", r.perClass());
        o.put("seed", seed);
        o.put("framing", r.framing().name().toLowerCase(Locale.ROOT));
        o.put("upperAccuracy", r.accuracy(true));
        o.put("lowerAccuracy", r.accuracy(false));
        o.put("accuracy", r.accuracy());
        if (r.hasDigits()) o.put("digitAccuracy", r.digitAccuracy());
        Map<String, Object> perLetter = new LinkedHashMap<>();
        for (char c : r.symbols().toCharArray()) perLetter.put(String.valueOf(c), r.accuracy(c));
        o.put("perLetter", perLetter);
        return o;
    }
}
