package io.handwritingstudio.data;

/**
 * The one image format every network here reads: 28x28 grey, ink bright on dark, as MNIST. Everything that sizes a
 * buffer or reshapes an input says {@link #SIDE} or {@link #PIXELS}, never the numbers.
 */
public final class MnistFormat {
    public static final int SIDE = 28;
    public static final int PIXELS = SIDE * SIDE;

    private MnistFormat() {
    }

    /** Refuses images of another size in words, before they reach a network and fail as a shape error. */
    public static void requireSize(LabeledImages images, String what) {
        if (images.rows() != SIDE || images.cols() != SIDE) {
            throw new IllegalArgumentException(what + " has images of " + images.rows() + "x" + images.cols()
                    + " pixels; the networks read " + SIDE + "x" + SIDE + " (MNIST's size)");
        }
    }
}
