package io.handwritingstudio.inference;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;

/** A single-channel float image, row-major; used for the intermediate steps the teaching view shows. */
public record GrayImage(int width, int height, float[] values) {

    public GrayImage {
        if (width <= 0 || height <= 0 || values.length != width * height) {
            throw new IllegalArgumentException(width + "x" + height + " image with " + values.length + " values");
        }
    }

    public GrayImage(int width, int height) {
        this(width, height, new float[width * height]);
    }

    public float get(int x, int y) {
        return values[y * width + x];
    }

    /** An 8-bit grey picture of the values clamped to 0..1 (1 = white), for display. */
    public BufferedImage toImage() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = img.getRaster();
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                row[x] = Math.round(Math.max(0f, Math.min(1f, values[y * width + x])) * 255f);
            }
            raster.setPixels(0, y, width, 1, row);
        }
        return img;
    }
}
