package io.handwritingstudio.inference;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Shape;
import java.awt.image.BufferedImage;
import java.util.Random;

import static io.handwritingstudio.inference.Drawings.*;
import static org.junit.jupiter.api.Assertions.*;

class MnistPreprocessorTest {
    private final MnistPreprocessor pre = new MnistPreprocessor();

    private static void assertCentred(Preprocessed p) {
        double[] com = centreOfMass(p.pixels());
        assertEquals(14, com[0], 1.0, "centre of mass x");
        assertEquals(14, com[1], 1.0, "centre of mass y");
    }

    @Test
    void darkOneOnWhitePaperBecomesABrightCentredBar() {
        Preprocessed p = pre.preprocess(onWhite(280, 280, line(150, 40, 150, 240), 16));
        assertFalse(p.empty());
        assertTrue(p.inverted());
        assertEquals(1f, max(p.pixels()), 1e-4f);
        int[] box = inkBox(p.pixels(), 0.05f);
        assertEquals(20, box[3], 1, "bar is 20 tall");
        assertTrue(box[2] <= 3, "bar is narrow, was " + box[2]);
        for (int row = box[1] + 2; row < box[1] + box[3] - 2; row++) {
            assertTrue(Math.max(p.pixel(row, 13), p.pixel(row, 14)) > 0.5f, "bright near the centre column, row " + row);
            for (int col = 0; col < 28; col++) {
                if (col < 12 || col > 15) assertEquals(0f, p.pixel(row, col), 1e-6f);
            }
        }
        assertCentred(p);
        assertEquals(150 - 8, p.inkLeft(), 2);
        assertEquals(40 - 8, p.inkTop(), 2);
        assertEquals(216, p.inkHeight(), 3);
    }

    @Test
    void lightOnDarkIsNotInvertedAndMatchesDarkOnLight() {
        Shape seven = seven(60, 50, 150, 180);
        Preprocessed dark = pre.preprocess(onWhite(280, 280, seven, 14));
        Preprocessed light = pre.preprocess(onBlack(280, 280, seven, 14));
        assertTrue(dark.inverted());
        assertFalse(light.inverted());
        assertFalse(light.empty());
        assertTrue(maxAbsDiff(dark.pixels(), light.pixels()) < 0.02f,
                "diff " + maxAbsDiff(dark.pixels(), light.pixels()));
        assertCentred(light);
    }

    @Test
    void smallDigitInTheCornerOfALargeImageIsCentredAndScaledTo20() {
        Shape seven = seven(955, 745, 30, 40);
        BufferedImage img = onWhite(1000, 800, seven, 4);
        Preprocessed p = pre.preprocess(img);
        assertFalse(p.empty());
        assertCentred(p);
        int[] box = inkBox(p.pixels(), 0.05f);
        assertEquals(20, Math.max(box[2], box[3]), 1, "longer side");
        assertEquals(15, box[2], 2, "30:40 aspect kept");
        int[] drawn = coverage(1000, 800, seven, 4);
        assertEquals(drawn[0], p.inkLeft(), 2);
        assertEquals(drawn[1], p.inkTop(), 2);
        assertEquals(drawn[2], p.inkWidth(), 3);
        assertEquals(drawn[3], p.inkHeight(), 3);
    }

    @Test
    void wideBarStaysWide() {
        Preprocessed p = pre.preprocess(onWhite(200, 200, line(40, 100, 160, 100), 12));
        int[] box = inkBox(p.pixels(), 0.05f);
        assertEquals(20, box[2], 1);
        assertTrue(box[3] >= 1 && box[3] <= 4, "height " + box[3]);
        assertCentred(p);
    }

    @Test
    void thinAndThickStrokesBothGiveSensibleInk() {
        for (float width : new float[] {1.5f, 3f, 30f, 45f}) {
            Preprocessed p = pre.preprocess(onWhite(280, 280, four(50, 40, 180, 200), width));
            assertFalse(p.empty(), "stroke " + width);
            assertEquals(1f, max(p.pixels()), 1e-4f);
            int[] box = inkBox(p.pixels(), 0.05f);
            assertEquals(20, Math.max(box[2], box[3]), 1, "stroke " + width);
            float ink = sum(p.pixels());
            assertTrue(ink > 15 && ink < 300, "stroke " + width + " ink " + ink);
            assertCentred(p);
        }
    }

    @Test
    void unevenNoisyPaperWithSpecksFindsTheGlyph() {
        int w = 600, h = 400;
        Shape four = four(250, 120, 90, 150);
        BufferedImage coverage = stroke(canvas(w, h, BufferedImage.TYPE_BYTE_GRAY, Color.BLACK), four, 7, Color.WHITE);
        Random rnd = new Random(42);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double paper = 0.55 + 0.35 * x / (w - 1) + 0.03 * rnd.nextGaussian();
                double cov = coverage.getRaster().getSample(x, y, 0) / 255.0;
                double v = cov * 0.15 + (1 - cov) * paper;
                int g = (int) Math.round(Math.max(0, Math.min(1, v)) * 255);
                img.setRGB(x, y, (g << 16) | (g << 8) | g);
            }
        }
        int[][] specks = {{30, 30}, {560, 50}, {40, 350}, {550, 360}, {120, 200}, {480, 220}};
        for (int[] s : specks) {
            for (int dy = 0; dy < 3; dy++) for (int dx = 0; dx < 3; dx++) img.setRGB(s[0] + dx, s[1] + dy, 0x181818);
        }
        Preprocessed p = pre.preprocess(img);
        assertFalse(p.empty());
        assertTrue(p.inverted());
        int[] drawn = coverage(w, h, four, 7);
        assertEquals(drawn[0], p.inkLeft(), 3, "left");
        assertEquals(drawn[1], p.inkTop(), 3, "top");
        assertEquals(drawn[2], p.inkWidth(), 4, "width");
        assertEquals(drawn[3], p.inkHeight(), 4, "height");
        assertCentred(p);

        // The same glyph on clean paper gives nearly the same digit.
        Preprocessed clean = pre.preprocess(stroke(canvas(w, h, BufferedImage.TYPE_INT_RGB, Color.WHITE), four, 7, Color.BLACK));
        float meanDiff = 0;
        for (int i = 0; i < 784; i++) meanDiff += Math.abs(clean.pixels()[i] - p.pixels()[i]) / 784;
        assertTrue(meanDiff < 0.05f, "mean diff " + meanDiff);
    }

    @Test
    void saltAndPepperNoiseOnVignettedPaperDoesNotStretchTheBox() {
        int w = 400, h = 300;
        Shape four = four(150, 60, 100, 170);
        BufferedImage coverage = stroke(canvas(w, h, BufferedImage.TYPE_BYTE_GRAY, Color.BLACK), four, 8, Color.WHITE);
        Random rnd = new Random(1);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double dx = (x - w / 2.0) / w, dy = (y - h / 2.0) / h;
                double paper = 0.85 - 0.9 * (dx * dx + dy * dy) + 0.02 * rnd.nextGaussian();
                double cov = coverage.getRaster().getSample(x, y, 0) / 255.0;
                double v = cov * 0.25 + (1 - cov) * paper;
                double u = rnd.nextDouble();
                if (u < 0.025) v = 0;
                else if (u < 0.05) v = 1;
                int g = (int) Math.round(Math.max(0, Math.min(1, v)) * 255);
                img.setRGB(x, y, g * 0x010101);
            }
        }
        Preprocessed p = pre.preprocess(img);
        assertFalse(p.empty());
        assertTrue(p.inverted());
        int[] drawn = coverage(w, h, four, 8);
        assertEquals(drawn[0], p.inkLeft(), 3, "left");
        assertEquals(drawn[1], p.inkTop(), 3, "top");
        assertEquals(drawn[2], p.inkWidth(), 4, "width");
        assertEquals(drawn[3], p.inkHeight(), 4, "height");
        assertCentred(p);
    }

    @Test
    void transparentCanvasWithBlackStrokesActsLikeWhitePaper() {
        Shape seven = seven(60, 50, 150, 180);
        BufferedImage rgba = stroke(canvas(280, 280, BufferedImage.TYPE_INT_ARGB, null), seven, 14, Color.BLACK);
        Preprocessed p = pre.preprocess(rgba);
        assertFalse(p.empty());
        assertTrue(p.inverted());
        Preprocessed white = pre.preprocess(onWhite(280, 280, seven, 14));
        assertTrue(maxAbsDiff(white.pixels(), p.pixels()) < 0.02f);
    }

    @Test
    void transparentCanvasWithWhiteStrokesIsFoundToo() {
        Shape seven = seven(60, 50, 150, 180);
        BufferedImage rgba = stroke(canvas(280, 280, BufferedImage.TYPE_INT_ARGB, null), seven, 14, Color.WHITE);
        Preprocessed p = pre.preprocess(rgba);
        assertFalse(p.empty());
        assertFalse(p.inverted());
        Preprocessed black = pre.preprocess(onBlack(280, 280, seven, 14));
        assertTrue(maxAbsDiff(black.pixels(), p.pixels()) < 0.02f);
    }

    @Test
    void greyAndIndexedImagesMatchRgb() {
        Shape seven = seven(60, 50, 150, 180);
        Preprocessed rgb = pre.preprocess(onWhite(280, 280, seven, 14));
        for (int type : new int[] {BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_USHORT_GRAY,
                BufferedImage.TYPE_BYTE_INDEXED, BufferedImage.TYPE_BYTE_BINARY}) {
            BufferedImage img = stroke(canvas(280, 280, type, Color.WHITE), seven, 14, Color.BLACK);
            Preprocessed p = pre.preprocess(img);
            assertFalse(p.empty(), "type " + type);
            assertTrue(p.inverted(), "type " + type);
            float meanDiff = 0;
            for (int i = 0; i < 784; i++) meanDiff += Math.abs(rgb.pixels()[i] - p.pixels()[i]) / 784;
            assertTrue(meanDiff < 0.05f, "type " + type + " mean diff " + meanDiff);
        }
    }

    @Test
    void blankUniformAndNoiseOnlyImagesAreEmpty() {
        BufferedImage noise = canvas(300, 200, BufferedImage.TYPE_INT_RGB, Color.WHITE);
        Random rnd = new Random(7);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 300; x++) {
                int g = (int) Math.round(Math.max(0, Math.min(255, 180 + 8 * rnd.nextGaussian())));
                noise.setRGB(x, y, (g << 16) | (g << 8) | g);
            }
        }
        BufferedImage[] images = {
                canvas(300, 200, BufferedImage.TYPE_INT_RGB, Color.WHITE),
                canvas(300, 200, BufferedImage.TYPE_INT_RGB, new Color(40, 120, 200)),
                canvas(50, 50, BufferedImage.TYPE_INT_ARGB, null),
                noise};
        for (BufferedImage img : images) {
            Preprocessed p = pre.preprocess(img);
            assertTrue(p.empty());
            assertEquals(0f, max(p.pixels()));
            assertEquals(0, p.inkWidth());
        }
    }

    @Test
    void tinyAndDegenerateImagesDoNotFail() {
        assertTrue(pre.preprocess(canvas(1, 1, BufferedImage.TYPE_INT_RGB, Color.WHITE)).empty());
        assertTrue(pre.preprocess(canvas(1, 40, BufferedImage.TYPE_INT_RGB, Color.WHITE)).empty());
        Preprocessed p = pre.preprocess(onWhite(28, 28, line(14, 4, 14, 23), 2));
        assertFalse(p.empty());
        assertCentred(p);
    }

    @Test
    void veryLargePhotoSizedImageWorks() {
        Preprocessed p = pre.preprocess(onWhite(4000, 3000, seven(1500, 800, 900, 1300), 120));
        assertFalse(p.empty());
        assertCentred(p);
        assertEquals(1500 - 60, p.inkLeft(), 10);
        assertEquals(20, Math.max(inkBox(p.pixels(), 0.05f)[2], inkBox(p.pixels(), 0.05f)[3]), 1);
    }

    @Test
    void stagesExposeTheScaledCrop() {
        MnistPreprocessor.Stages s = pre.stages(onWhite(280, 280, seven(60, 50, 150, 180), 14));
        assertEquals(20, Math.max(s.scaled().width(), s.scaled().height()));
        assertEquals(280, s.luminance().width());
        assertEquals(280, s.ink().width());
        assertNull(pre.stages(canvas(10, 10, BufferedImage.TYPE_INT_RGB, Color.WHITE)).scaled());
    }
}
