package io.handwritingstudio.ui.training;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ColumnRasterTest {
    private static int alpha(int argb) { return argb >>> 24; }

    @Test
    void horizontalLineCoversItsThicknessWithSoftEdges() {
        ColumnRaster r = new ColumnRaster(20, 20);
        r.polyline(new double[]{0, 20}, new double[]{10.5, 10.5}, 2, 2, Color.BLUE);
        for (int x = 0; x < 20; x++) {
            assertEquals(255, alpha(r.pixel(x, 10)), "centre row opaque at x=" + x);
            assertEquals(0xff0000ff, r.pixel(x, 10));
            assertEquals(128, alpha(r.pixel(x, 9)), 1, "half-covered row above");
            assertEquals(128, alpha(r.pixel(x, 11)), 1, "half-covered row below");
            assertEquals(0, alpha(r.pixel(x, 8)));
            assertEquals(0, alpha(r.pixel(x, 12)));
        }
    }

    @Test
    void steepSegmentFillsEveryRowBetweenItsEnds() {
        ColumnRaster r = new ColumnRaster(10, 40);
        r.polyline(new double[]{4.5, 5.5}, new double[]{2, 38}, 2, 1, Color.RED);
        for (int y = 3; y < 37; y++) assertTrue(alpha(r.pixel(4, y)) > 0 || alpha(r.pixel(5, y)) > 0, "gap at row " + y);
        assertEquals(0, alpha(r.pixel(0, 20)), "far columns stay empty");
        assertEquals(0, alpha(r.pixel(9, 20)));
    }

    @Test
    void opaqueLineDrawnOverAFaintOneShowsItsOwnColour() {
        ColumnRaster r = new ColumnRaster(10, 10);
        r.polyline(new double[]{0, 10}, new double[]{5.5, 5.5}, 2, 1, Color.RED.deriveColor(0, 1, 1, 0.3));
        assertEquals(77, alpha(r.pixel(3, 5)), 1);
        assertEquals(77, (r.pixel(3, 5) >> 16) & 0xff, 1, "premultiplied red");
        r.polyline(new double[]{0, 10}, new double[]{5.5, 5.5}, 2, 1, Color.BLUE);
        assertEquals(0xff0000ff, r.pixel(3, 5));
        r.clear();
        assertEquals(0, r.pixel(3, 5));
    }

    @Test
    void pointsOutsideTheRasterAreClippedNotFatal() {
        ColumnRaster r = new ColumnRaster(10, 10);
        r.polyline(new double[]{-5, 5, 15}, new double[]{-20, 5, 30}, 3, 3, Color.GREEN);
        assertTrue(alpha(r.pixel(5, 5)) > 0);
        r.polyline(new double[]{3}, new double[]{3.5}, 1, 2, Color.GREEN);
        assertTrue(alpha(r.pixel(3, 3)) > 0, "a single point is drawn as a dot");
    }
}
