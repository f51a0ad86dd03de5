package io.handwritingstudio.inference.reading;

import io.handwritingstudio.data.ClassNames;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shape prior that keeps merged characters and fragments from passing as one character. */
class CutsTest {

    @Test
    void aShapeFarFromItsClassIsPenalisedAndATypicalOneIsNot() {
        ClassNames digits = ClassNames.digits();
        assertEquals(0, CharacterShapes.excess(digits, 8, 77, 100), "an 8 about three quarters as wide as tall");
        assertTrue(CharacterShapes.excess(digits, 8, 150, 100) > 2, "an '8' wider than tall is two characters");
        assertEquals(0, CharacterShapes.excess(digits, 1, 30, 100), "a thin 1");
        assertTrue(CharacterShapes.excess(digits, 6, 30, 100) > 2, "a sliver read as 6 is a part");
        assertEquals(0, CharacterShapes.excess(ClassNames.of("+", "-"), 0, 500, 10), "no shape known");
    }
}
