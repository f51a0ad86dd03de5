package io.handwritingstudio.inference.sketch;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Every letter and digit has templates in the unit box, and each variant draws visible ink. */
class LettersTest {
    @Test
    void allFiftyTwoLettersAndTenDigitsHaveTemplatesInTheUnitBox() {
        assertEquals(26, Letters.UPPER.size());
        assertEquals(26, Letters.LOWER.size());
        assertEquals(10, Digits.ALL.size());
        for (char c = 'A'; c <= 'Z'; c++) {
            check(c, Letters.variants(c));
            check(Character.toLowerCase(c), Letters.variants(Character.toLowerCase(c)));
        }
        for (char d = '0'; d <= '9'; d++) check(d, Digits.ALL.get(d));
        // letters people write in more than one way have more than one variant
        for (char c : "AEGIKMagklqty".toCharArray()) assertTrue(Letters.variants(c).size() >= 2, c + " variants");
        assertThrows(IllegalArgumentException.class, () -> Letters.variants('5'));
    }

    private static void check(char c, List<List<double[][]>> variants) {
        assertFalse(variants.isEmpty(), c + " has a template");
        for (List<double[][]> strokes : variants) {
            for (double[][] stroke : strokes) {
                for (double[] p : stroke) {
                    assertTrue(p[0] >= -0.01 && p[0] <= 1.01 && p[1] >= -0.01 && p[1] <= 1.06,
                            c + " point outside the unit box: " + p[0] + "," + p[1]);
                }
            }
            BufferedImage image = StrokeRenderer.render(HandWriter.number(1, 0).draw(strokes), 64, 64, 64 / HandWriter.CANVAS);
            int dark = 0;
            for (int y = 0; y < 64; y++) for (int x = 0; x < 64; x++) if ((image.getRGB(x, y) & 0xFF) < 128) dark++;
            assertTrue(dark > 40, c + " draws ink: " + dark + " dark pixels");
        }
    }
}
