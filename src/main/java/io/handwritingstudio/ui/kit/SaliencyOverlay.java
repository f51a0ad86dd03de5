package io.handwritingstudio.ui.kit;

import io.handwritingstudio.data.MnistFormat;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;

/**
 * Reusable 28x28 input with a saliency heat map blended over it (plain data, no engine types).
 * The input is drawn as MNIST shows it (white ink on black); where the map is strong, a heat colour covers it
 * with an alpha that grows with the value, so unimportant pixels stay visible as they are.
 *
 * <pre>{@code
 * SaliencyOverlay overlay = new SaliencyOverlay(8);      // 8 screen pixels per input pixel
 * overlay.show(pixels784, saliency784);                  // saliency <= 0 is not drawn
 * overlay.blendProperty().set(0.5);                      // 0 = input only, 1 = strongest overlay
 * }</pre>
 */
public final class SaliencyOverlay extends StackPane {
    public static final int SIDE = MnistFormat.SIDE;
    private final int cell;
    private final ImageView view = new ImageView();
    private final DoubleProperty blend = new SimpleDoubleProperty(0.75);
    private float[] pixels;
    private float[] saliency;

    public SaliencyOverlay(int cell) {
        this.cell = cell;
        view.setId("saliency-image");
        getChildren().add(view);
        getStyleClass().add("saliency-overlay");
        setMaxSize(SIDE * cell, SIDE * cell);
        blend.addListener((o, a, b) -> redraw());
    }

    public DoubleProperty blendProperty() {
        return blend;
    }

    /** @param saliency 784 values, or null for the input alone */
    public void show(float[] pixels, float[] saliency) {
        this.pixels = pixels;
        this.saliency = saliency;
        redraw();
    }

    /** The colour of input pixel (y, x) with the overlay as drawn: for tests and hover read-outs. */
    public int argbAt(int y, int x) {
        return blended(y * SIDE + x, maxSaliency());
    }

    private void redraw() {
        if (pixels == null) {
            view.setImage(null);
            return;
        }
        float max = maxSaliency();
        view.setImage(GrayImages.cells(SIDE, SIDE, cell, i -> blended(i, max)));
    }

    private int blended(int i, float max) {
        int grey = (int) Math.round(255 * Math.max(0, Math.min(1, pixels[i])));
        if (saliency == null || max <= 0 || saliency[i] <= 0) return 0xff000000 | grey << 16 | grey << 8 | grey;
        double t = saliency[i] / max;
        int heat = ColorMaps.heat(0.25 + 0.75 * t);
        double a = blend.get() * Math.sqrt(t);
        int r = (int) Math.round(grey * (1 - a) + ((heat >> 16) & 255) * a);
        int g = (int) Math.round(grey * (1 - a) + ((heat >> 8) & 255) * a);
        int b = (int) Math.round(grey * (1 - a) + (heat & 255) * a);
        return 0xff000000 | r << 16 | g << 8 | b;
    }

    private float maxSaliency() {
        float m = 0;
        if (saliency != null) for (float v : saliency) m = Math.max(m, v);
        return m;
    }
}
