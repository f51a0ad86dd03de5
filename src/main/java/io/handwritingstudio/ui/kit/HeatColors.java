package io.handwritingstudio.ui.kit;

import javafx.scene.paint.Color;

/**
 * Colours of the heat map, by row-normalised rate: the theme's success colour on the diagonal (right answers) and
 * its danger colour off it (mistakes). Mistake rates are small, so their scale is a square root: a 1% confusion is
 * still visible.
 */
public final class HeatColors {
    private static final Color DARK_TEXT = Color.gray(0.13);
    private final Palette palette;

    public HeatColors(Palette palette) {
        this.palette = palette;
    }

    public Color background() { return palette.background(); }
    public Color emptyCell() { return palette.subtle(); }
    public Color gridLine() { return palette.border(); }
    public Color text() { return palette.text(); }
    public Color mutedText() { return palette.muted(); }
    public Color selection() { return palette.accent(); }

    public Color cell(int count, double rowRate, boolean diagonal) {
        if (count == 0) return emptyCell();
        Color hot = diagonal ? palette.success() : palette.danger();
        double floor = palette.dark() ? 0.3 : 0.18; // dark cells need more colour to stand out from the dark background
        double t = diagonal ? 0.15 + 0.85 * rowRate : floor + (1 - floor) * Math.sqrt(Math.min(1, rowRate));
        return emptyCell().interpolate(hot, Math.min(1, t));
    }

    /** Text that stays readable on a cell's colour. */
    public Color textOn(Color fill) {
        double luminance = 0.2126 * fill.getRed() + 0.7152 * fill.getGreen() + 0.0722 * fill.getBlue();
        return luminance < 0.55 ? Color.WHITE : DARK_TEXT;
    }

    /**
     * A cell of a difference matrix (B minus A): blue where B puts more images, orange where it puts fewer, deeper
     * with the size of the change relative to the largest one (square root: a change of one stays visible).
     */
    public Color difference(int delta, int maxAbs) {
        if (delta == 0 || maxAbs == 0) return emptyCell();
        Color hot = delta > 0 ? palette.accent() : palette.warning();
        double floor = palette.dark() ? 0.3 : 0.2;
        return emptyCell().interpolate(hot, floor + (1 - floor) * Math.sqrt(Math.abs(delta) / (double) maxAbs));
    }
}
