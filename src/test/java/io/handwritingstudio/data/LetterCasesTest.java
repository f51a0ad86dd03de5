package io.handwritingstudio.data;

import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The case of each bundled letters test image, from the Balanced labels shipped beside it. */
class LetterCasesTest {
    @Test
    void casesMatchTheReadmeAndTheMergedLabels() throws Exception {
        LetterCases.Case[] cases = LetterCases.testSplit();
        int[] balanced = LetterCases.balancedLabels();
        LabeledImages test = DatasetRepository.createDefault().load(DatasetCatalog.LETTERS, Split.TEST, DownloadListener.SILENT);
        assertEquals(test.size(), cases.length);
        Map<LetterCases.Case, Integer> counts = new EnumMap<>(LetterCases.Case.class);
        for (int i = 0; i < cases.length; i++) {
            counts.merge(cases[i], 1, Integer::sum);
            char letter = balanced[i] <= 35 ? (char) ('A' + balanced[i] - 10) : "ABDEFGHNQRT".charAt(balanced[i] - 36);
            assertEquals(String.valueOf(letter), test.classes().name(test.label(i)), "image " + i);
        }
        // resources/datasets/letters/README.md: 4,319 upper or merged (1,811 + 2,508), 1,871 lower
        assertEquals(Map.of(LetterCases.Case.UPPER, 1811, LetterCases.Case.LOWER, 1871, LetterCases.Case.BOTH, 2508), counts);
    }

    @Test
    void balancedLabelsMapToCases() {
        assertEquals(LetterCases.Case.UPPER, LetterCases.caseOf(10)); // A
        assertEquals(LetterCases.Case.BOTH, LetterCases.caseOf(12)); // C
        assertEquals(LetterCases.Case.LOWER, LetterCases.caseOf(36)); // a
        assertEquals(LetterCases.Case.LOWER, LetterCases.caseOf(46)); // t
        assertThrows(IllegalArgumentException.class, () -> LetterCases.caseOf(5));
    }
}
