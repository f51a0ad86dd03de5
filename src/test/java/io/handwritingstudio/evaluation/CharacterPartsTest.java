package io.handwritingstudio.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handwritingstudio.data.ClassNames;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CharacterPartsTest {
    private static final ClassNames CHARACTERS;

    static {
        List<String> names = new ArrayList<>(ClassNames.digits().names());
        for (char c = 'A'; c <= 'Z'; c++) names.add(String.valueOf(c));
        CHARACTERS = new ClassNames(names);
    }

    @Test
    void countsEachPartAndTheLookAlikesBothWays() {
        int o = CHARACTERS.names().indexOf("O");
        int s = CHARACTERS.names().indexOf("S");
        // four O: three read as 0; two 0: one read as O; two S right; four 5 right
        int[] truth = {o, o, o, o, 0, 0, s, s, 5, 5, 5, 5};
        int[] predicted = {0, 0, 0, o, 0, o, s, s, 5, 5, 5, 5};
        CharacterParts p = CharacterParts.of(new EvaluationReport(CHARACTERS, truth, predicted,
                new float[truth.length * CHARACTERS.size()])).orElseThrow();

        assertEquals(5 / 6.0, p.digits(), 1e-9);
        assertEquals(6, p.digitSamples());
        assertEquals(3 / 6.0, p.letters(), 1e-9);
        CharacterParts.Pair oh = p.pairs().stream().filter(q -> q.letter().equals("O")).findFirst().orElseThrow();
        assertEquals(0.75, oh.letterAsDigit(), 1e-9);
        assertEquals(0.5, oh.digitAsLetter(), 1e-9);
        assertEquals("O", p.worstLetterAsDigit().orElseThrow().letter());
        assertTrue(p.pairs().stream().noneMatch(q -> q.letter().equals("g")), "no lower-case class, no lower-case pair");
    }

    @Test
    void aDigitsOnlyModelHasNoParts() {
        EvaluationReport digits = new EvaluationReport(ClassNames.digits(), new int[]{1}, new int[]{1}, new float[10]);
        assertTrue(CharacterParts.of(digits).isEmpty());
    }
}
