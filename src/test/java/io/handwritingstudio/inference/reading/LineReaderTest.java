package io.handwritingstudio.inference.reading;

import io.handwritingstudio.inference.InkMap;
import io.handwritingstudio.model.ModelLocator;
import io.handwritingstudio.model.ModelStore;
import io.handwritingstudio.testing.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reading generated lines of MNIST test digits with the bundled mnist model. The floors are what was measured
 * (docs/BENCHMARKS.md, "Reading lines") less a little, so a regression fails.
 */
class LineReaderTest {
    private static LineReader reader;

    @BeforeAll
    static void load() throws Exception {
        TestData.mnistTest();
        reader = new LineReader(ModelStore.load(ModelLocator.resolve("mnist")));
    }

    private static SyntheticLines lines(long seed) {
        return new SyntheticLines(TestData.mnistTest(), seed);
    }

    @Test
    void separatedDigitsAreReadCharacterByCharacterAndAsWholeLines() {
        LineScores s = LineScores.measure(reader, lines(101), SyntheticLines.Options.separated(), 100);
        assertTrue(s.characterAccuracy() >= SEPARATED_CHARS, "characters " + s.characterAccuracy());
        assertTrue(s.lineAccuracy() >= SEPARATED_LINES, "lines " + s.lineAccuracy());
    }

    @Test
    void touchingPairsAreCutWhereTheModelReadsTwoDigits() {
        LineScores s = LineScores.measure(reader, lines(202), SyntheticLines.Options.touching(), 80);
        assertTrue(s.touchingPairs() >= 60, "pairs generated " + s.touchingPairs());
        assertTrue(s.touchingAccuracy() >= TOUCHING_PAIRS, "touching pairs " + s.touchingAccuracy());
        assertTrue(s.characterAccuracy() >= TOUCHING_CHARS, "characters " + s.characterAccuracy());
    }

    @Test
    void wideGapsBecomeSpaces() {
        LineScores s = LineScores.measure(reader, lines(303), SyntheticLines.Options.separated().withSpaces(0.3), 40);
        assertTrue(s.lineAccuracy() >= SPACED_LINES, "lines with spaces " + s.lineAccuracy());
    }

    @Test
    void theGeneratorIsSeededAndItsTouchingPairsReallyTouch() {
        SyntheticLines.Line a = lines(7).next(SyntheticLines.Options.touching());
        SyntheticLines.Line b = lines(7).next(SyntheticLines.Options.touching());
        assertEquals(a.text(), b.text());
        assertArrayEquals(pixels(a.image()), pixels(b.image()));
        SyntheticLines gen = lines(8);
        int pairs = 0;
        int connected = 0;
        for (int i = 0; i < 20; i++) {
            SyntheticLines.Line line = gen.next(SyntheticLines.Options.touching());
            List<Blob> blobs = Blob.find(InkMap.of(line.image(), 1));
            for (int pair : line.touching()) {
                int[] l = line.boxes().get(pair);
                int[] r = line.boxes().get(pair + 1);
                // Connected: one blob has ink left of the right glyph and right of the left glyph.
                if (blobs.stream().anyMatch(bl -> bl.left() < r[0] && bl.right() > l[0] + l[2])) connected++;
                pairs++;
            }
        }
        assertTrue(pairs > 10, "touching pairs " + pairs);
        assertTrue(connected >= 0.85 * pairs, connected + " of " + pairs + " touching pairs are one blob");
    }

    @Test
    void aBlankImageReadsAsNothing() {
        BufferedImage white = new BufferedImage(300, 80, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 80; y++) for (int x = 0; x < 300; x++) white.setRGB(x, y, 0xFFFFFF);
        LineReading r = reader.read(white);
        assertEquals("", r.text());
        assertTrue(r.characters().isEmpty());
    }

    @Test
    void oneCharacterAndTwoHundredCharacters() {
        SyntheticLines gen = lines(404);
        int right = 0;
        for (int i = 0; i < 20; i++) {
            SyntheticLines.Line one = gen.next(SyntheticLines.Options.separated().withChars(1, 1));
            if (reader.read(one.image()).text().equals(one.text())) right++;
        }
        assertTrue(right >= 19, "single characters right: " + right + "/20");

        SyntheticLines.Line longLine = gen.next(SyntheticLines.Options.separated().withChars(200, 200));
        LineReading r = reader.read(longLine.image());
        double errors = LineScores.editDistance(longLine.characters(), r.text().replace(" ", ""));
        assertTrue(errors <= 7, "200 characters, " + errors + " wrong: " + r.text()); // 7 measured since touching-pair cuts (was 6)
    }

    @Test
    void aTenThousandPixelWideImageIsReadWithinTheWorkingBudget() {
        SyntheticLines.Line line = lines(505).next(SyntheticLines.Options.separated().withChars(5, 5));
        BufferedImage wide = new BufferedImage(10_000, 120, BufferedImage.TYPE_INT_RGB);
        var g = wide.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 10_000, 120);
        g.drawImage(line.image(), 4_000, 0, null);
        g.dispose();
        LineReading r = reader.read(wide);
        assertEquals(line.text(), r.text());
        assertTrue(r.characters().get(0).x() >= 4_000, "boxes in source pixels");
        // The working picture is bounded however large the image: a 40,000 x 1,000 one is averaged 4 x 4.
        assertEquals(4, InkMap.scaleFor(new BufferedImage(40_000, 1_000, BufferedImage.TYPE_BYTE_GRAY),
                LineReader.WORK_PIXELS));
    }

    private static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    // Measured floors (see the class comment).
    static final double SEPARATED_CHARS = 0.99;
    static final double SEPARATED_LINES = 0.95;
    static final double TOUCHING_PAIRS = 0.80; // 81.5 % of 130 measured with the whole-character network (was 0.78)
    static final double TOUCHING_CHARS = 0.93; // 94.5 % measured (was 0.92)
    static final double SPACED_LINES = 0.95;
}
