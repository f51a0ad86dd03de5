package io.handwritingstudio.inference;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Letters and digits that handwriting makes alike (O and 0, S and 5, ...). When a model that reads both puts two
 * of them first and second, close together, the honest answer is the question "O or 0?".
 */
public final class LookAlikes {
    /** Pairs as written, letter first; compared case-insensitively for the letter. */
    static final List<String[]> PAIRS = List.of(new String[]{"O", "0"}, new String[]{"D", "0"}, new String[]{"Q", "0"},
            new String[]{"I", "1"}, new String[]{"L", "1"}, new String[]{"T", "7"}, new String[]{"Z", "2"},
            new String[]{"S", "5"}, new String[]{"B", "8"}, new String[]{"G", "6"}, new String[]{"A", "4"},
            new String[]{"g", "9"}, new String[]{"q", "9"}, new String[]{"b", "6"});
    /** The runner-up counts as close at this share of the probability or more. */
    static final float CLOSE = 0.15f;

    private LookAlikes() {
    }

    /** "O or 0?" when the two most probable classes are a look-alike pair and the second is close; else empty. */
    public static Optional<String> question(List<String> classes, float[] probabilities) {
        int[] top = Ranking.top(probabilities, 2);
        if (top.length < 2 || probabilities[top[1]] < CLOSE) return Optional.empty();
        String first = classes.get(top[0]), second = classes.get(top[1]);
        return isPair(first, second) ? Optional.of(first + " or " + second + "?") : Optional.empty();
    }

    /** The pairs, letter first (upper or lower case as handwriting makes them alike), digit second. */
    public static List<String[]> pairs() {
        return PAIRS.stream().map(String[]::clone).toList();
    }

    static boolean isPair(String a, String b) {
        for (String[] p : PAIRS) {
            Set<String> pair = Set.of(p[0].toUpperCase(Locale.ROOT), p[1]);
            if (pair.equals(Set.of(a.toUpperCase(Locale.ROOT), b.toUpperCase(Locale.ROOT)))) return true;
        }
        return false;
    }
}
