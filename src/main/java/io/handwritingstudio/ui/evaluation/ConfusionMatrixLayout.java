package io.handwritingstudio.ui.evaluation;

import javafx.geometry.Rectangle2D;

/**
 * Where everything of a confusion-matrix heat map goes, for any class count: cell size, font sizes and label
 * bands. Rows and columns are grid positions: a matrix may show fewer rows (true classes with images) than columns.
 * Cells shrink to fit the space down to {@link #MIN_CELL} (then the view scrolls), and fonts follow the
 * cell so that neighbouring labels never overlap. Pure geometry: no drawing, testable without a screen.
 */
public record ConfusionMatrixLayout(int rows, int columns, double cell, double labelFont, double countFont,
                                    double gridX, double gridY, boolean rotatedColumnLabels) {
    public static final double MIN_CELL = 20;
    public static final double MAX_CELL = 64;
    public static final double AXIS_BAND = 22;
    public static final double PAD = 8;
    /** Average glyph width of the UI font relative to its size (conservative, digits and capitals). */
    static final double GLYPH = 0.62;
    static final double MIN_COUNT_FONT = 7.5;

    /**
     * @param maxLabelChars the longest class name, in characters
     * @param maxCount      the largest count in the matrix (decides whether counts fit in the cells)
     * @param zoom          1 = fit the space; larger magnifies (the view scrolls)
     */
    public static ConfusionMatrixLayout fit(int classes, int maxLabelChars, int maxCount,
                                            double width, double height, double zoom) {
        return fit(classes, classes, maxLabelChars, maxCount, width, height, zoom);
    }

    /** A matrix of {@code rows} true classes by {@code columns} predicted ones. */
    public static ConfusionMatrixLayout fit(int rows, int columns, int maxLabelChars, int maxCount,
                                            double width, double height, double zoom) {
        int chars = Math.max(1, maxLabelChars);
        // Reserve the label bands at the largest font, then settle the cell and the real fonts.
        double maxFont = 14;
        double bands = AXIS_BAND + Math.max(chars * maxFont * GLYPH + 10, maxFont * 1.4 + 6) + PAD;
        double fitCell = Math.floor(Math.min((width - bands) / columns, (height - bands) / rows));
        // Whole pixels everywhere: crisp grid lines and a PNG export exactly the canvas's size.
        double cell = Math.floor(clamp(clamp(fitCell, MIN_CELL, MAX_CELL) * zoom, MIN_CELL * Math.min(1, zoom), MAX_CELL * 3));
        double labelFont = clamp(Math.floor(cell * 0.5), 9, 14);
        int digits = String.valueOf(Math.max(0, maxCount)).length();
        double countFont = Math.min(labelFont + 1, Math.floor((cell - 4) / (digits * GLYPH + 0.2)));
        double labelWidth = chars * labelFont * GLYPH;
        boolean rotated = labelWidth > cell - 4;
        double gridX = Math.ceil(AXIS_BAND + labelWidth + 10);
        double gridY = Math.ceil(AXIS_BAND + (rotated ? labelWidth + 8 : labelFont * 1.4 + 6));
        return new ConfusionMatrixLayout(rows, columns, cell, labelFont, countFont, gridX, gridY, rotated);
    }

    public double width() {
        return gridX + columns * cell + PAD;
    }

    public double height() {
        return gridY + rows * cell + PAD;
    }

    /** Whether counts are legible inside the cells (else only the colour and the tooltip tell them). */
    public boolean showsCounts() {
        return countFont >= MIN_COUNT_FONT;
    }

    /** The line height a row label needs: never more than a cell, so row labels cannot overlap. */
    public double labelLineHeight() {
        return labelFont * 1.25;
    }

    public Rectangle2D cellBounds(int row, int column) {
        return new Rectangle2D(gridX + column * cell, gridY + row * cell, cell, cell);
    }

    /** The grid position under a point as (row, column), or null outside the grid. */
    public MatrixCell cellAt(double x, double y) {
        if (x < gridX || y < gridY) return null;
        int column = (int) ((x - gridX) / cell);
        int row = (int) ((y - gridY) / cell);
        return column < columns && row < rows ? new MatrixCell(row, column) : null;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
