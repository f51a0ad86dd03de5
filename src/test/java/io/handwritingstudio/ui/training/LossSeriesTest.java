package io.handwritingstudio.ui.training;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LossSeriesTest {

    @Test
    void keepsEveryPointUntilFull() {
        LossSeries s = new LossSeries(8);
        for (int i = 1; i <= 7; i++) s.add(i, i * 0.5);
        assertEquals(7, s.size());
        assertEquals(3, s.x(2));
        assertEquals(1.5, s.y(2));
    }

    @Test
    void staysBoundedAndAveragesWhenLong() {
        LossSeries s = new LossSeries(2_000);
        for (int i = 1; i <= 100_000; i++) s.add(i, i % 2 == 0 ? 1.0 : 3.0);
        assertTrue(s.size() < 2_000 && s.size() >= 1_000, "size " + s.size());
        for (int i = 0; i < s.size(); i++) assertEquals(2.0, s.y(i), 1e-9, "pairs average to 2");
        assertTrue(s.x(s.size() - 1) > 99_000, "covers the whole run");
    }

    @Test
    void smoothingFollowsTheTrend() {
        LossSeries s = new LossSeries(200);
        for (int i = 0; i < 100; i++) s.add(i, 2.0 - i * 0.01);
        double[] sm = s.smoothed(5);
        assertTrue(sm[99] < sm[50] && sm[50] < sm[0]);
        assertEquals(2.0 - 50 * 0.01, sm[50], 1e-9, "a straight line is its own centred average");
    }
}
