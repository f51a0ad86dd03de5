package io.handwritingstudio.cli;

import io.handwritingstudio.evaluation.CharacterParts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code evaluate}'s digits part, letters part and look-alike table for a model that reads both. */
final class PartsOutput {
    private PartsOutput() {
    }

    static void print(CharacterParts p) {
        System.out.printf(Locale.ROOT, "  %-32s %6.2f%% of %,d%n", "digits part", 100 * p.digits(), p.digitSamples());
        System.out.printf(Locale.ROOT, "  %-32s %6.2f%% of %,d%n", "letters part", 100 * p.letters(), p.letterSamples());
        if (p.pairs().isEmpty()) return;
        System.out.println();
        System.out.println("Look-alikes (share of the true class read as the other):");
        System.out.printf(Locale.ROOT, "  %-6s %14s %14s%n", "pair", "letter->digit", "digit->letter");
        for (CharacterParts.Pair q : p.pairs()) {
            System.out.printf(Locale.ROOT, "  %-6s %13.1f%% %13.1f%%%n", q.letter() + "/" + q.digit(),
                    100 * q.letterAsDigit(), 100 * q.digitAsLetter());
        }
    }

    static Map<String, Object> json(CharacterParts p) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("digits", Map.of("accuracy", p.digits(), "samples", p.digitSamples()));
        o.put("letters", Map.of("accuracy", p.letters(), "samples", p.letterSamples()));
        List<Map<String, Object>> pairs = p.pairs().stream().map(q -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("letter", q.letter());
            m.put("digit", q.digit());
            m.put("letterAsDigit", q.letterAsDigit());
            m.put("digitAsLetter", q.digitAsLetter());
            return m;
        }).toList();
        o.put("lookAlikes", pairs);
        return o;
    }
}
