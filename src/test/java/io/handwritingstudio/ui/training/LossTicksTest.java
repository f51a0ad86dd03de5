package io.handwritingstudio.ui.training;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The loss chart's labels: vertical ones name exactly the values of their lines, iterations go in round steps. */
class LossTicksTest {
    @Test
    void quarterStepsKeepTheirLastDigit() {
        assertEquals(List.of("0.000", "0.025", "0.050", "0.075", "0.100"), labels(0.025)); // was 0.03 and 0.08
        assertEquals(List.of("0.00", "0.25", "0.50", "0.75", "1.00"), labels(0.25));
        assertEquals(List.of("0.0", "2.5", "5.0", "7.5", "10.0"), labels(2.5));
    }

    @Test
    void wholeAndTenthStepsStayShort() {
        assertEquals(List.of("0", "1", "2", "3", "4"), labels(1));
        assertEquals(List.of("0", "20", "40", "60", "80"), labels(20));
        assertEquals(List.of("0.0", "0.5", "1.0", "1.5", "2.0"), labels(0.5));
        assertEquals(List.of("0.00", "0.02", "0.04", "0.06", "0.08"), labels(0.02));
    }

    @Test
    void iterationsAreLabelledInRoundSteps() {
        assertEquals(50, LossChart.iterationStep(188)); // 0, 50, 100, 150 (was 0, 47, 94, 141, 188)
        assertEquals(1, LossChart.iterationStep(4));
        assertEquals(2, LossChart.iterationStep(7));
        assertEquals(50, LossChart.iterationStep(282)); // 0 to 250 in six steps, not 0, 100, 200
        assertEquals(2_000, LossChart.iterationStep(9_380));
        assertEquals(2_000, LossChart.iterationStep(10_001));
        assertEquals(5_000, LossChart.iterationStep(12_001));
        assertEquals(1, LossChart.iterationStep(Double.NaN)); // ends (the loop never would have)
        assertEquals("–", LossChart.tickLabel(Double.NaN, 1));
    }

    private static List<String> labels(double step) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i <= 4; i++) out.add(LossChart.tickLabel(step, i));
        return out;
    }
}
