package io.handwritingstudio.ui.draw;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WordingTest {
    private static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    private static final List<String> LETTERS = List.of("A", "B", "C");

    @Test
    void theLinePadAsksForWhatTheModelCanRead() {
        assertEquals("a number", Wording.aLine(DIGITS));
        assertEquals("a word", Wording.aLine(LETTERS));
        assertEquals("a number or a word", Wording.aLine(List.of("0", "1", "A", "B")));
        assertEquals("a number", Wording.aLine(List.of("0", "1", "plus", "times")), "fine-tuned digits read no words");
    }

    @Test
    void theCharacterPadNamesOneCharacter() {
        assertEquals("a digit", Wording.aCharacter(DIGITS));
        assertEquals("a letter", Wording.aCharacter(LETTERS));
        assertEquals("Digits and letters", Wording.reads(List.of("0", "A")));
        assertEquals("Digits and 2 more", Wording.reads(List.of("0", "1", "plus", "times")));
    }
}
