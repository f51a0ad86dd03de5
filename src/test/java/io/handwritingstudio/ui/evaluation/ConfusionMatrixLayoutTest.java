package io.handwritingstudio.ui.evaluation;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfusionMatrixLayoutTest {

    @ParameterizedTest
    @CsvSource({"10,1,1000,600,500", "26,1,400,600,500", "36,1,350,700,600", "47,1,300,700,600", "47,1,300,1400,900",
            "36,1,9999,360,300", "10,8,1000,900,700", "10,1,1000,2000,2000"})
    void labelsNeverOverlapAndClicksHitTheRightCell(int classes, int chars, int maxCount, double w, double h) {
        ConfusionMatrixLayout l = ConfusionMatrixLayout.fit(classes, chars, maxCount, w, h, 1);
        assertTrue(l.cell() >= ConfusionMatrixLayout.MIN_CELL, "cells stay clickable");
        assertTrue(l.labelLineHeight() <= l.cell(), "row labels fit their rows: " + l);
        double labelWidth = chars * l.labelFont() * ConfusionMatrixLayout.GLYPH;
        assertTrue(l.rotatedColumnLabels() || labelWidth <= l.cell(), "column labels fit their columns: " + l);
        assertTrue(l.labelFont() >= 9, "labels stay legible: " + l);
        if (l.showsCounts()) {
            double countWidth = String.valueOf(maxCount).length() * l.countFont() * ConfusionMatrixLayout.GLYPH;
            assertTrue(countWidth <= l.cell() - 2, "counts fit their cells: " + l);
        }
        for (int t = 0; t < classes; t += 3) {
            for (int p = 0; p < classes; p += 5) {
                Rectangle2D b = l.cellBounds(t, p);
                assertEquals(new MatrixCell(t, p), l.cellAt(b.getMinX() + b.getWidth() / 2, b.getMinY() + b.getHeight() / 2));
                assertEquals(new MatrixCell(t, p), l.cellAt(b.getMinX() + 0.5, b.getMaxY() - 0.5));
            }
        }
        assertNull(l.cellAt(l.gridX() - 1, l.gridY() + 1), "the label band is not a cell");
        assertNull(l.cellAt(l.gridX() + classes * l.cell() + 1, l.gridY() + 1), "right of the grid is not a cell");
        assertEquals(l.gridX() + classes * l.cell() + ConfusionMatrixLayout.PAD, l.width(), 1e-9);
    }

    @Test
    void fitsTenClassesIntoTheSpaceAndScrollsFortySevenInTheSame() {
        ConfusionMatrixLayout ten = ConfusionMatrixLayout.fit(10, 1, 1000, 600, 500, 1);
        assertTrue(ten.width() <= 600 && ten.height() <= 500, "10 classes fit: " + ten);
        ConfusionMatrixLayout many = ConfusionMatrixLayout.fit(47, 1, 300, 600, 500, 1);
        assertTrue(many.width() > 600, "47 classes at a legible size need scrolling: " + many);
        assertTrue(many.cell() < ten.cell(), "more classes, smaller cells");
    }

    @Test
    void zoomMagnifiesCellsAndFonts() {
        ConfusionMatrixLayout fit = ConfusionMatrixLayout.fit(36, 1, 300, 700, 600, 1);
        ConfusionMatrixLayout zoomed = ConfusionMatrixLayout.fit(36, 1, 300, 700, 600, 2);
        assertEquals(2 * fit.cell(), zoomed.cell(), 1e-9);
        assertTrue(zoomed.labelFont() >= fit.labelFont());
        assertTrue(zoomed.showsCounts());
    }

    @Test
    void longClassNamesRotateColumnLabels() {
        ConfusionMatrixLayout l = ConfusionMatrixLayout.fit(10, 11, 100, 900, 700, 1); // "Ankle boot"-style names
        assertTrue(l.rotatedColumnLabels());
        assertTrue(l.gridY() > 11 * l.labelFont() * ConfusionMatrixLayout.GLYPH, "the top band holds rotated names");
    }

    /** A 36-class model read on digits: ten rows by 36 columns, and the grid ends where its rows do. */
    @Test
    void fewerRowsThanColumns() {
        ConfusionMatrixLayout l = ConfusionMatrixLayout.fit(10, 36, 1, 300, 900, 700, 1);
        assertEquals(10, l.rows());
        assertEquals(36, l.columns());
        assertEquals(l.gridX() + 36 * l.cell() + ConfusionMatrixLayout.PAD, l.width(), 1e-9);
        assertEquals(l.gridY() + 10 * l.cell() + ConfusionMatrixLayout.PAD, l.height(), 1e-9);
        double x = l.gridX() + 35.5 * l.cell();
        assertEquals(new MatrixCell(9, 35), l.cellAt(x, l.gridY() + 9.5 * l.cell()), "the last row's last cell");
        assertEquals(null, l.cellAt(x, l.gridY() + 10.5 * l.cell()), "below the last row: no cell");
        assertTrue(l.cell() * 36 <= 900, "the columns decide the cell size: " + l.cell());
    }
}
