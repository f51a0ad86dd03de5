package io.handwritingstudio.ui.kit;

import io.handwritingstudio.data.MnistFormat;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * A 28x28 (or any size) grey image drawn enlarged with one crisp rectangle per pixel (no smoothing), ink bright on
 * dark like MNIST: exactly the values a model gets. Reports the pixel under the mouse; optionally a faint grid so
 * single pixels can be counted.
 */
public final class PixelGrid extends Canvas {
    /** A hovered pixel: row, column and its 0..255 value. */
    public record Hover(int row, int col, int value) {
    }

    private final ReadOnlyObjectWrapper<Hover> hover = new ReadOnlyObjectWrapper<>();
    private int rows = MnistFormat.SIDE;
    private int cols = MnistFormat.SIDE;
    private float[] values = new float[rows * cols];
    private boolean gridLines;

    public PixelGrid(double size) {
        super(size, size);
        getStyleClass().add("pixel-grid");
        setOnMouseMoved(e -> hover.set(hoverAt(e.getX(), e.getY())));
        setOnMouseExited(e -> hover.set(null));
        draw();
    }

    /** The pixel at a position in this canvas's coordinates, or null outside the image. */
    public Hover hoverAt(double x, double y) {
        int col = (int) (x / (getWidth() / cols));
        int row = (int) (y / (getHeight() / rows));
        if (x < 0 || y < 0 || row >= rows || col >= cols) return null;
        return new Hover(row, col, Math.round(values[row * cols + col]));
    }

    public ReadOnlyObjectProperty<Hover> hoveredPixelProperty() {
        return hover.getReadOnlyProperty();
    }

    /** Shows bytes 0..255 (row-major). */
    public void setImage(byte[] pixels, int rows, int cols) {
        float[] v = new float[pixels.length];
        for (int i = 0; i < v.length; i++) v[i] = pixels[i] & 0xFF;
        setImage(v, rows, cols);
    }

    /** Shows values 0..255 (row-major), e.g. a class mean. */
    public void setImage(float[] pixels, int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
        this.values = pixels;
        Hover h = hover.get();
        if (h != null) hover.set(new Hover(h.row(), h.col(), Math.round(values[h.row() * cols + h.col()])));
        draw();
    }

    /** Shows a network input: values in [0,1], ink bright; null shows an empty (black) input. */
    public void showInput(float[] unitPixels, int rows, int cols) {
        float[] v = new float[rows * cols];
        if (unitPixels != null) for (int i = 0; i < v.length; i++) v[i] = 255f * unitPixels[i];
        setImage(v, rows, cols);
    }

    /** Draws faint lines between the pixels. */
    public void setGridLines(boolean on) {
        gridLines = on;
        draw();
    }

    public void clear() {
        setImage(new float[rows * cols], rows, cols);
    }

    private void draw() {
        GraphicsContext g = getGraphicsContext2D();
        double cw = getWidth() / cols, ch = getHeight() / rows;
        g.setFill(Color.BLACK);
        g.fillRect(0, 0, getWidth(), getHeight());
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                float v = values[r * cols + c];
                if (v <= 0) continue;
                g.setFill(Color.gray(Math.min(1, v / 255.0)));
                // snap to whole device pixels so neighbouring cells meet without seams
                double x0 = Math.floor(c * cw), y0 = Math.floor(r * ch);
                g.fillRect(x0, y0, Math.floor((c + 1) * cw) - x0, Math.floor((r + 1) * ch) - y0);
            }
        }
        if (!gridLines) return;
        g.setStroke(Color.gray(1.0, 0.07));
        g.setLineWidth(1);
        for (int c = 1; c < cols; c++) {
            double x = Math.floor(c * cw) + 0.5;
            g.strokeLine(x, 0, x, getHeight());
        }
        for (int r = 1; r < rows; r++) {
            double y = Math.floor(r * ch) + 0.5;
            g.strokeLine(0, y, getWidth(), y);
        }
    }
}
