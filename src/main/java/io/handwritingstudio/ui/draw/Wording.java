package io.handwritingstudio.ui.draw;

import java.util.List;

/** Words that depend on the model's classes: "a digit", "a letter", "a character". */
final class Wording {
    private static final String DIGIT = "[0-9]";
    private static final String LETTER = "[A-Za-z]";

    private Wording() {
    }

    static String aCharacter(List<String> classes) {
        boolean digits = classes.stream().allMatch(c -> c.matches(DIGIT));
        boolean letters = classes.stream().allMatch(c -> c.matches(LETTER));
        return digits ? "a digit" : letters ? "a letter" : "a character";
    }

    /** What to write on the line pad for these classes: "a number", "a word", "a number or a word". */
    static String aLine(List<String> classes) {
        boolean anyDigit = any(classes, DIGIT);
        boolean anyLetter = any(classes, LETTER);
        // a digits model fine-tuned on "plus" and "times" still reads no words
        return anyDigit && anyLetter ? "a number or a word" : anyLetter ? "a word" : anyDigit ? "a number" : "a line";
    }

    /** What a model reads, as the pad states it: "Digits", "Letters", "Digits and letters". */
    static String reads(List<String> classes) {
        boolean anyDigit = any(classes, DIGIT);
        boolean anyLetter = any(classes, LETTER);
        String base = anyDigit && anyLetter ? "Digits and letters" : anyDigit ? "Digits" : anyLetter ? "Letters" : null;
        // classes taught by fine-tuning ("plus", "times") are neither: counted, not hidden behind "digits"
        long others = classes.stream().filter(c -> !c.matches(DIGIT) && !c.matches(LETTER)).count();
        if (base == null) return classes.size() + " classes";
        return others == 0 ? base : base + " and " + others + " more";
    }

    private static boolean any(List<String> classes, String pattern) {
        return classes.stream().anyMatch(c -> c.matches(pattern));
    }
}
