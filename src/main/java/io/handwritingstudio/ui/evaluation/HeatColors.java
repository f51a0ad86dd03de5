package io.handwritingstudio.ui.evaluation;

import javafx.scene.paint.Color;

/**
 * Colours of the heat map, by row-normalised rate: a green scale on the diagonal (right answers) and a red scale
 * off it (mistakes). Mistake rates are small, so their scale is a square root: a 1% confusion is still visible.
 */
public final class HeatColors {
    private final boolean dark;

    public HeatColors(boolean dark) {
        this.dark = dark;
    }

    public Color background() { return dark ? Color.web("#0d1117") : Color.WHITE; }
    public Color emptyCell() { return dark ? Color.web("#161b22") : Color.web("#f6f8fa"); }
    public Color gridLine() { return dark ? Color.web("#30363d") : Color.web("#d0d7de"); }
    public Color text() { return dark ? Color.web("#e6edf3") : Color.web("#1f2328"); }
    public Color mutedText() { return dark ? Color.web("#8d96a0") : Color.web("#656d76"); }
    public Color selection() { return dark ? Color.web("#58a6ff") : Color.web("#0969da"); }

    public Color cell(int count, double rowRate, boolean diagonal) {
        if (count == 0) return emptyCell();
        Color hot = diagonal ? (dark ? Color.web("#2ea043") : Color.web("#1a7f37"))
                : (dark ? Color.web("#f85149") : Color.web("#cf222e"));
        double floor = dark ? 0.3 : 0.18; // dark cells need more colour to stand out from the dark background
        double t = diagonal ? 0.15 + 0.85 * rowRate : floor + (1 - floor) * Math.sqrt(Math.min(1, rowRate));
        return emptyCell().interpolate(hot, Math.min(1, t));
    }

    /** Text that stays readable on a cell's colour. */
    public Color textOn(Color fill) {
        double luminance = 0.2126 * fill.getRed() + 0.7152 * fill.getGreen() + 0.0722 * fill.getBlue();
        return luminance < 0.55 ? Color.WHITE : Color.web("#1f2328");
    }

    /**
     * A cell of a difference matrix (B minus A): blue where B puts more images, orange where it puts fewer, deeper
     * with the size of the change relative to the largest one (square root: a change of one stays visible).
     */
    public Color difference(int delta, int maxAbs) {
        if (delta == 0 || maxAbs == 0) return emptyCell();
        Color hot = delta > 0 ? (dark ? Color.web("#388bfd") : Color.web("#0969da"))
                : (dark ? Color.web("#db6d28") : Color.web("#bc4c00"));
        double floor = dark ? 0.3 : 0.2;
        return emptyCell().interpolate(hot, floor + (1 - floor) * Math.sqrt(Math.abs(delta) / (double) maxAbs));
    }
}
