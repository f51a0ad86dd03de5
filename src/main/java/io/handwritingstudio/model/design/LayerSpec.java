package io.handwritingstudio.model.design;

/**
 * One hidden layer of a design. The input (28x28x1) and the softmax output layer (one unit per class) are implied.
 * Each kind says in words what it does, for the designer's list and the {@code info} command's table.
 */
public sealed interface LayerSpec {
    /** The short name used in design files: conv, pool, batchnorm, activation, dropout, dense. */
    String type();

    /** One line for people: "conv 32 3x3 relu". */
    String describe();

    /** Convolution: {@code filters} kernels of {@code kernel}x{@code kernel}; "same" padding keeps the size at stride 1. */
    record Convolution(int filters, int kernel, int stride, Padding padding, Activation activation, boolean bias)
            implements LayerSpec {
        public String type() { return "conv"; }

        public String describe() {
            return "conv " + filters + " " + kernel + "x" + kernel + (stride != 1 ? " /" + stride : "")
                    + (padding == Padding.SAME ? " same" : "") + " " + activation.id() + (bias ? "" : " no-bias");
        }
    }

    /** Max or average pooling over {@code size}x{@code size} windows, moving {@code stride} pixels. */
    record Pooling(PoolKind kind, int size, int stride) implements LayerSpec {
        public String type() { return "pool"; }

        public String describe() {
            return kind.id() + "pool " + size + "x" + size + (stride != size ? " /" + stride : "");
        }
    }

    /** Batch normalisation: rescales each channel (or unit) to a steady mean and spread while training. */
    record BatchNorm() implements LayerSpec {
        public String type() { return "batchnorm"; }

        public String describe() { return "batch norm"; }
    }

    /** An activation function on its own (after batch norm, which applies none). */
    record ActivationLayer(Activation activation) implements LayerSpec {
        public String type() { return "activation"; }

        public String describe() { return activation.id(); }
    }

    /** Randomly drops this fraction of the next layer's inputs while training. */
    record Dropout(double rate) implements LayerSpec {
        public String type() { return "dropout"; }

        public String describe() { return "dropout " + Math.round(rate * 100) + "%"; }
    }

    /** Fully connected: every unit sees every input (an image is flattened first). */
    record Dense(int units, Activation activation, boolean bias) implements LayerSpec {
        public String type() { return "dense"; }

        public String describe() { return "dense " + units + " " + activation.id() + (bias ? "" : " no-bias"); }
    }

    enum Padding {
        VALID, SAME;

        public String id() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    enum PoolKind {
        MAX, AVG;

        public String id() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    enum Activation {
        RELU, TANH, SIGMOID, LEAKYRELU, ELU, IDENTITY;

        public String id() { return name().toLowerCase(java.util.Locale.ROOT); }
    }
}
