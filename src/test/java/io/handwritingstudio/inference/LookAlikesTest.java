package io.handwritingstudio.inference;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LookAlikesTest {
    private static final List<String> CHARACTERS = characters();

    private static List<String> characters() {
        List<String> c = new ArrayList<>();
        for (char d = '0'; d <= '9'; d++) c.add(String.valueOf(d));
        for (char l = 'A'; l <= 'Z'; l++) c.add(String.valueOf(l));
        return c;
    }

    private static float[] with(String first, float p1, String second, float p2) {
        float[] p = new float[CHARACTERS.size()];
        p[CHARACTERS.indexOf(first)] = p1;
        p[CHARACTERS.indexOf(second)] = p2;
        return p;
    }

    @Test
    void closeLookAlikesBecomeAQuestionInTheOrderOfTheirProbability() {
        assertEquals(Optional.of("O or 0?"), LookAlikes.question(CHARACTERS, with("O", 0.55f, "0", 0.40f)));
        assertEquals(Optional.of("5 or S?"), LookAlikes.question(CHARACTERS, with("5", 0.70f, "S", 0.25f)));
    }

    @Test
    void aClearAnswerOrAnUnrelatedRunnerUpIsNoQuestion() {
        assertEquals(Optional.empty(), LookAlikes.question(CHARACTERS, with("O", 0.95f, "0", 0.04f)));
        assertEquals(Optional.empty(), LookAlikes.question(CHARACTERS, with("O", 0.5f, "7", 0.45f)));
    }
}
