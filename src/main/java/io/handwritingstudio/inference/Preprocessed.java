package io.handwritingstudio.inference;

import io.handwritingstudio.data.MnistFormat;

/**
 * A custom image in MNIST form.
 *
 * @param pixels   784 values, row-major 28x28, 0 = background, 1 = ink (max ink is 1.0)
 * @param empty    no ink was found; pixels are all zero
 * @param inverted the input was dark ink on light paper (so it was inverted to MNIST's light-on-dark)
 * @param inkLeft  ink bounding box in source-image pixels (all four are 0 when empty)
 */
public record Preprocessed(float[] pixels, boolean empty, boolean inverted,
                           int inkLeft, int inkTop, int inkWidth, int inkHeight) {
    public static final int SIZE = MnistFormat.SIDE;

    public Preprocessed {
        if (pixels.length != SIZE * SIZE) throw new IllegalArgumentException("need 784 pixels, got " + pixels.length);
    }

    /** Value at (row, col). */
    public float pixel(int row, int col) {
        return pixels[row * SIZE + col];
    }

    public GrayImage asImage() {
        return new GrayImage(SIZE, SIZE, pixels.clone());
    }
}
