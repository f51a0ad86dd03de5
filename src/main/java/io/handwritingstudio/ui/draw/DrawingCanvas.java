package io.handwritingstudio.ui.draw;

import io.handwritingstudio.inference.sketch.Stroke;
import io.handwritingstudio.inference.sketch.StrokePath;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;

/**
 * The paper the user draws on: turns mouse (or pen) drags into {@link Sketch} strokes and paints them with the
 * same curves the recognizer's image uses ({@link StrokePath}). Dark ink on white paper, like pen on paper.
 */
final class DrawingCanvas extends Canvas {
    static final Color PAPER = Color.WHITE;
    static final Color INK = Color.rgb(20, 22, 28);

    private final Sketch sketch;
    private final DoubleProperty penWidth = new SimpleDoubleProperty(22);
    private final BooleanProperty eraser = new SimpleBooleanProperty(false);

    DrawingCanvas(Sketch sketch) {
        this(sketch, Sketch.SIZE, Sketch.SIZE, "draw-canvas");
    }

    /** A paper of any size (the line mode's is wide); strokes stay inside it. */
    DrawingCanvas(Sketch sketch, double width, double height, String id) {
        super(width, height);
        this.sketch = sketch;
        setId(id);
        setCursor(Cursor.CROSSHAIR);
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() != MouseButton.PRIMARY) return;
            sketch.begin(clampX(e.getX()), clampY(e.getY()), penWidth.get() * (eraser.get() ? 1.6 : 1), eraser.get());
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> sketch.extend(clampX(e.getX()), clampY(e.getY())));
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> sketch.end());
        sketch.revisionProperty().addListener((o, a, b) -> repaint());
        repaint();
    }

    DoubleProperty penWidthProperty() {
        return penWidth;
    }

    BooleanProperty eraserProperty() {
        return eraser;
    }

    private double clampX(double v) {
        return Math.max(0, Math.min(getWidth(), v));
    }

    private double clampY(double v) {
        return Math.max(0, Math.min(getHeight(), v));
    }

    void repaint() {
        GraphicsContext g = getGraphicsContext2D();
        g.setFill(PAPER);
        g.fillRect(0, 0, getWidth(), getHeight());
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        for (Stroke s : sketch.snapshot()) {
            Color colour = s.eraser() ? PAPER : INK;
            g.setStroke(colour);
            g.setFill(colour);
            g.setLineWidth(s.width());
            g.beginPath();
            boolean[] open = {false};
            StrokePath.trace(s, new StrokePath.Sink() {
                @Override public void moveTo(double x, double y) { g.moveTo(x, y); open[0] = true; }
                @Override public void lineTo(double x, double y) { g.lineTo(x, y); }
                @Override public void quadTo(double cx, double cy, double x, double y) { g.quadraticCurveTo(cx, cy, x, y); }
                @Override public void dot(double x, double y, double d) { g.fillOval(x - d / 2, y - d / 2, d, d); }
            });
            if (open[0]) g.stroke();
        }
    }
}
