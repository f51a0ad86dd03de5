package io.handwritingstudio.inference;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ComponentsTest {
    /** A diagonal touches (8-connected); a gap of one pixel separates. Pieces are numbered by their first pixel. */
    @Test
    void diagonalsConnectAndGapsSeparate() {
        String[] rows = {
                "#...#",
                ".#..#",
                "..#..",
                "....#"};
        boolean[] mask = new boolean[20];
        for (int y = 0; y < 4; y++) for (int x = 0; x < 5; x++) mask[y * 5 + x] = rows[y].charAt(x) == '#';
        Components c = Components.of(mask, 5, 4);
        assertEquals(3, c.count());
        assertEquals(3, c.area(1));
        assertArrayEquals(new int[] {0, 0, 2, 2}, c.box(1));
        assertArrayEquals(new int[] {4, 0, 4, 1}, c.box(2));
        assertArrayEquals(new int[] {4, 9}, c.pixels()[2]);
        assertEquals(3, c.labelAt(19));
        assertEquals(0, c.labelAt(1));
    }
}
