package io.handwritingstudio.ui.draw;

import io.handwritingstudio.inference.sketch.Stroke;
import io.handwritingstudio.inference.sketch.StrokeRenderer;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The pad's strokes as the recognizer's picture (black ink on white paper, drawn by the engine's
 * {@link StrokeRenderer}): runs on any thread, so the JavaFX thread never waits for it.
 */
public final class SketchRasterizer {
    /**
     * The recognizer's picture is half the pad's size: the preprocessor shrinks the ink to 20 px anyway, and a
     * quarter of the pixels makes it four times faster, which keeps the bars live while drawing.
     */
    static final double SCALE = 0.5;

    private SketchRasterizer() {
    }

    public static BufferedImage render(List<Stroke> strokes) {
        return render(strokes, Sketch.SIZE, Sketch.SIZE);
    }

    /** A paper of {@code width x height} pad units (the line mode's), at {@link #SCALE}. */
    public static BufferedImage render(List<Stroke> strokes, double width, double height) {
        return StrokeRenderer.render(strokes, (int) Math.round(width * SCALE), (int) Math.round(height * SCALE), SCALE);
    }
}
