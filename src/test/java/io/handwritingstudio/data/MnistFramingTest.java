package io.handwritingstudio.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MnistFramingTest {
    private static final int SIDE = 28;

    @Test
    void aBoxCentredGlyphBecomesTwentyPixelsWithItsMassInTheMiddle() {
        byte[] image = new byte[SIDE * SIDE];
        // an "L" 24 px tall and 12 px wide, box-centred as EMNIST frames it
        for (int y = 2; y < 26; y++) for (int x = 8; x < 11; x++) image[y * SIDE + x] = (byte) 255;
        for (int y = 23; y < 26; y++) for (int x = 8; x < 20; x++) image[y * SIDE + x] = (byte) 255;
        byte[] out = new byte[SIDE * SIDE];
        MnistFraming.reframe(image, 0, out, 0, SIDE);

        int[] box = inkBox(out);
        assertEquals(20, box[3] - box[1] + 1, "height of the ink");
        assertEquals(10, box[2] - box[0] + 1, 1, "width keeps the aspect ratio");
        double[] c = centreOfMass(out);
        assertEquals(14, c[0], 1.0);
        assertEquals(14, c[1], 1.0);
    }

    @Test
    void realLettersShrinkToMnistsSizeAndKeepTheirInk() throws Exception {
        LabeledImages letters = DatasetRepository.createDefault()
                .load(DatasetCatalog.LETTERS, Split.TEST, DownloadListener.SILENT).limit(500);
        LabeledImages framed = MnistFraming.apply(letters);
        assertEquals(letters.size(), framed.size());
        int tallest = 0;
        for (int i = 0; i < framed.size(); i++) {
            assertEquals(letters.label(i), framed.label(i));
            int[] box = inkBox(framed.imageBytes(i));
            int longer = Math.max(box[2] - box[0], box[3] - box[1]) + 1;
            assertTrue(longer <= 21, "image " + i + " is " + longer + " px");
            tallest = Math.max(tallest, longer);
            assertTrue(sum(framed.imageBytes(i)) > 0.5 * sum(letters.imageBytes(i)) * (20 / 24.0) * (20 / 24.0), "ink kept in image " + i);
        }
        assertTrue(tallest >= 20);
    }

    private static long sum(byte[] image) {
        long s = 0;
        for (byte b : image) s += b & 0xFF;
        return s;
    }

    private static int[] inkBox(byte[] image) {
        int l = SIDE, t = SIDE, r = -1, b = -1;
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                if ((image[y * SIDE + x] & 0xFF) < 16) continue;
                l = Math.min(l, x); r = Math.max(r, x); t = Math.min(t, y); b = Math.max(b, y);
            }
        }
        return new int[]{l, t, r, b};
    }

    private static double[] centreOfMass(byte[] image) {
        double m = 0, mx = 0, my = 0;
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int v = image[y * SIDE + x] & 0xFF;
                m += v; mx += v * x; my += v * y;
            }
        }
        return new double[]{mx / m, my / m};
    }
}
