package io.handwritingstudio.ui.training.timeline;

import io.handwritingstudio.ui.kit.HeatColors;

import io.handwritingstudio.ui.kit.Palette;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;

/**
 * A snapshot's confusion matrix as a small heat map: rows are true classes, columns predictions, each cell shaded
 * by its share of the row, the diagonal in green and mistakes in red, so it visibly concentrates as training goes.
 */
final class ConfusionCanvas extends Canvas {
    ConfusionCanvas(double size) {
        super(size, size);
        setId("timeline-confusion");
    }

    void show(int[][] confusion) {
        GraphicsContext g = getGraphicsContext2D();
        Palette palette = Palette.current();
        HeatColors heat = new HeatColors(palette);
        double size = getWidth();
        g.setFill(palette.background());
        g.fillRect(0, 0, size, size);
        int k = confusion == null ? 0 : confusion.length;
        if (k == 0) return;
        double cell = size / k;
        for (int t = 0; t < k; t++) {
            long rowTotal = 0;
            for (int c : confusion[t]) rowTotal += c;
            for (int p = 0; p < k; p++) {
                double share = rowTotal == 0 ? 0 : confusion[t][p] / (double) rowTotal;
                if (share <= 0) continue;
                g.setFill(heat.cell(confusion[t][p], share, t == p)); // the evaluation matrix's colours, small
                g.fillRect(Math.floor(p * cell), Math.floor(t * cell), Math.ceil(cell), Math.ceil(cell));
            }
        }
        g.setStroke(palette.border());
        g.strokeRect(0.5, 0.5, size - 1, size - 1);
    }
}
