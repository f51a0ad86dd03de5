package io.handwritingstudio.ui.draw;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * A 28x28 network input enlarged with crisp square pixels (light ink on black, exactly the values the model
 * gets), with a faint grid so single pixels can be counted.
 */
final class PixelGrid extends Canvas {
    static final int SIDE = 28;
    private final int cell;

    PixelGrid(int cell) {
        super(SIDE * cell, SIDE * cell);
        this.cell = cell;
        show(null);
    }

    /** 784 values in [0,1], ink bright; null shows an empty (black) input. */
    void show(float[] pixels) {
        GraphicsContext g = getGraphicsContext2D();
        g.setFill(Color.BLACK);
        g.fillRect(0, 0, getWidth(), getHeight());
        if (pixels != null) {
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    float v = pixels[y * SIDE + x];
                    if (v <= 0f) continue;
                    g.setFill(Color.gray(Math.min(1.0, v)));
                    g.fillRect(x * cell, y * cell, cell, cell);
                }
            }
        }
        g.setStroke(Color.gray(1.0, 0.07));
        g.setLineWidth(1);
        for (int i = 1; i < SIDE; i++) {
            double p = i * cell + 0.5;
            g.strokeLine(p, 0, p, getHeight());
            g.strokeLine(0, p, getWidth(), p);
        }
    }
}
