package io.handwritingstudio.ui.network;

import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;

import java.util.function.DoubleToIntFunction;

/** Renders a small grid of values as an enlarged image with crisp square cells (no smoothing to blur them). */
final class TileImages {
    private TileImages() {
    }

    /**
     * @param values source array; the tile reads {@code height * width} values from {@code offset}, row-major
     * @param color  value to opaque ARGB
     */
    static WritableImage render(float[] values, int offset, int height, int width, int cell, DoubleToIntFunction color) {
        WritableImage image = new WritableImage(width * cell, height * cell);
        PixelWriter out = image.getPixelWriter();
        int[] row = new int[width * cell];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int argb = color.applyAsInt(values[offset + y * width + x]);
                java.util.Arrays.fill(row, x * cell, (x + 1) * cell, argb);
            }
            for (int dy = 0; dy < cell; dy++) {
                out.setPixels(0, y * cell + dy, width * cell, 1, javafx.scene.image.PixelFormat.getIntArgbInstance(),
                        row, 0, row.length);
            }
        }
        return image;
    }
}
