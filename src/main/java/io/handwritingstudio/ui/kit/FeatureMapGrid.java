package io.handwritingstudio.ui.kit;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import java.util.Locale;

/**
 * Reusable tiled view of a layer's maps (plain data, no engine types): one enlarged image per channel, or for a
 * dense layer one image with a square per unit. Activations use viridis, weights a diverging blue-red scale.
 * Hovering a cell publishes "channel, position, value" in {@link #hoverTextProperty()}.
 * Each tile's image has the id {@code fmap-tile-<channel>} (dense layers: {@code fmap-units}).
 *
 * <pre>{@code
 * FeatureMapGrid grid = new FeatureMapGrid();
 * grid.showActivations(values, 32, 26, 26, FeatureMapGrid.Scale.SHARED); // channel-major values
 * grid.showWeights(kernels, 32, 3, 3, limit);                             // kernels in [-limit, limit]
 * }</pre>
 */
public final class FeatureMapGrid extends FlowPane {
    /** One colour scale for all maps (compare channels) or one per map (see each map's pattern). */
    public enum Scale { SHARED, PER_MAP }

    private static final int UNITS_PER_ROW = 16;
    private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper("");
    private double tileSize = 84;
    private boolean captions = true;
    private java.util.List<String> unitNames;

    public FeatureMapGrid() {
        super(10, 10);
        getStyleClass().add("feature-map-grid");
    }

    /** Approximate width in pixels of one tile (cells stay whole pixels). */
    public void setTileSize(double tileSize) {
        this.tileSize = tileSize;
    }

    /** Whether each tile carries its channel number underneath (compact views leave it to the hover text). */
    public void setCaptions(boolean captions) {
        this.captions = captions;
    }

    /** Names for a dense layer's units (the output layer's classes), or null for "unit n". */
    public void setUnitNames(java.util.List<String> names) {
        this.unitNames = names;
    }

    public ReadOnlyStringProperty hoverTextProperty() {
        return hoverText.getReadOnlyProperty();
    }

    /** Activations, channel-major: {@code values[(c * height + y) * width + x]}. */
    public void showActivations(float[] values, int channels, int height, int width, Scale scale) {
        getChildren().clear();
        if (height == 1 && width == 1) {
            showUnits(values, channels);
            return;
        }
        float[] shared = range(values, 0, values.length);
        int cell = cellSize(height, width);
        for (int c = 0; c < channels; c++) {
            int offset = c * height * width;
            float[] r = scale == Scale.SHARED ? shared : range(values, offset, height * width);
            WritableImage img = GrayImages.of(values, offset, height, width, cell,
                    v -> ColorMaps.viridis(ColorMaps.normalise(v, r[0], r[1])));
            addTile(img, "fmap-tile-" + c, "#" + c, values, offset, width, cell, "channel " + c);
        }
    }

    /** Kernels, {@code count} of {@code height x width}, coloured on [-limit, limit] (white = 0). */
    public void showWeights(float[] values, int count, int height, int width, float limit) {
        getChildren().clear();
        int cell = cellSize(height, width);
        for (int k = 0; k < count; k++) {
            int offset = k * height * width;
            WritableImage img = GrayImages.of(values, offset, height, width, cell,
                    v -> ColorMaps.diverging(v, limit));
            addTile(img, "fmap-tile-" + k, "#" + k, values, offset, width, cell, "filter " + k);
        }
    }

    public void clear() {
        getChildren().clear();
        hoverText.set("");
    }

    /** Dense layer: units in rows of 16 squares, one shared scale. */
    private void showUnits(float[] values, int units) {
        int cols = Math.min(UNITS_PER_ROW, units);
        int rows = (units + cols - 1) / cols;
        float[] r = range(values, 0, units);
        float[] padded = new float[rows * cols];
        java.util.Arrays.fill(padded, Float.NaN);
        System.arraycopy(values, 0, padded, 0, units);
        int cell = 26;
        WritableImage img = GrayImages.of(padded, 0, rows, cols, cell,
                v -> Double.isNaN(v) ? 0x00000000 : ColorMaps.viridis(ColorMaps.normalise(v, r[0], r[1])));
        ImageView view = new ImageView(img);
        view.setId("fmap-units");
        view.setOnMouseMoved(e -> {
            int unit = (int) (e.getY() / cell) * cols + (int) (e.getX() / cell);
            String name = unitNames != null && unit < unitNames.size() ? "class " + unitNames.get(unit) : "unit " + unit;
            hoverText.set(unit < units ? String.format(Locale.ROOT, "%s · value %.3f", name, values[unit]) : "");
        });
        view.setOnMouseExited(e -> hoverText.set(""));
        getChildren().add(view);
    }

    private void addTile(WritableImage img, String id, String caption, float[] values, int offset, int width,
                         int cell, String what) {
        ImageView view = new ImageView(img);
        view.setId(id);
        view.getStyleClass().add("fmap-image");
        view.setOnMouseMoved(e -> {
            int x = (int) (e.getX() / cell);
            int y = (int) (e.getY() / cell);
            if (x < width && y * width + x < img.getHeight() / cell * width) {
                hoverText.set(String.format(Locale.ROOT, "%s · row %d, col %d · value %.3f", what, y, x,
                        values[offset + y * width + x]));
            }
        });
        view.setOnMouseExited(e -> hoverText.set(""));
        VBox tile = new VBox(2, view);
        if (captions) {
            Label label = new Label(caption);
            label.getStyleClass().add("fmap-caption");
            tile.getChildren().add(label);
        }
        tile.setAlignment(Pos.CENTER);
        tile.getStyleClass().add("fmap-tile");
        getChildren().add(tile);
    }

    private int cellSize(int height, int width) {
        return Math.max(1, (int) Math.round(tileSize / Math.max(height, width)));
    }

    /** {min, max} of values[offset, offset + length). */
    static float[] range(float[] values, int offset, int length) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (int i = offset; i < offset + length; i++) {
            lo = Math.min(lo, values[i]);
            hi = Math.max(hi, values[i]);
        }
        return new float[]{lo, hi};
    }
}
