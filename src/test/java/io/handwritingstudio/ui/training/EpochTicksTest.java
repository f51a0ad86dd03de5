package io.handwritingstudio.ui.training;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The accuracy chart's epoch axis: a tick an epoch while labels have room, then 2, 5, 10... epochs apart. */
class EpochTicksTest {
    @Test
    void ticksThinOutWhenTheAxisIsNarrow() {
        assertEquals(1, TrainingView.epochTickUnit(600, 15), "a wide chart labels every epoch");
        assertEquals(2, TrainingView.epochTickUnit(230, 15), "a laptop's half-width chart every other one");
        assertEquals(5, TrainingView.epochTickUnit(230, 40));
        assertEquals(50, TrainingView.epochTickUnit(100, 150));
        assertEquals(1, TrainingView.epochTickUnit(0, 2), "before layout: one an epoch");
    }
}
