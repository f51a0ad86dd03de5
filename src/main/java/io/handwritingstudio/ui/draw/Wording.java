package io.handwritingstudio.ui.draw;

import java.util.List;

/** Words that depend on the model's classes: "a digit", "a letter", "a character". */
final class Wording {
    private Wording() {
    }

    static String aCharacter(List<String> classes) {
        boolean digits = classes.stream().allMatch(c -> c.matches("[0-9]"));
        boolean letters = classes.stream().allMatch(c -> c.matches("[A-Za-z]"));
        return digits ? "a digit" : letters ? "a letter" : "a character";
    }

    /** What a model reads, as the pad states it: "Digits", "Letters", "Digits and letters". */
    static String reads(List<String> classes) {
        boolean anyDigit = classes.stream().anyMatch(c -> c.matches("[0-9]"));
        boolean anyLetter = classes.stream().anyMatch(c -> c.matches("[A-Za-z]"));
        if (anyDigit && anyLetter) return "Digits and letters";
        return anyDigit ? "Digits" : anyLetter ? "Letters" : classes.size() + " classes";
    }
}
