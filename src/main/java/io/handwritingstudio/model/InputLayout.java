package io.handwritingstudio.model;

import io.handwritingstudio.data.MnistFormat;

import org.nd4j.linalg.api.ndarray.INDArray;

/** How a network wants its 28x28x1 input shaped. */
public enum InputLayout {
    /** Flat 784 vector, reshaped by the network's own preprocessor (our DL4J models). */
    FLAT,
    /** [n, 1, 28, 28]. */
    NCHW,
    /** [n, 28, 28, 1]: Keras channels_last imports. */
    NHWC;

    INDArray shape(INDArray flat, int count) {
        return switch (this) {
            case FLAT -> flat;
            case NCHW -> flat.reshape('c', count, 1, MnistFormat.SIDE, MnistFormat.SIDE);
            case NHWC -> flat.reshape('c', count, MnistFormat.SIDE, MnistFormat.SIDE, 1);
        };
    }
}
