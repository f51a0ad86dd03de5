package io.handwritingstudio.visual;

/** What a layer does, as the studio explains it. */
public enum LayerKind {
    INPUT("input"), CONVOLUTION("conv"), BATCH_NORM("batch norm"), ACTIVATION("activation"),
    POOLING("pooling"), DENSE("dense"),
    OUTPUT("output"), OTHER("other");

    private final String label;

    LayerKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the layer's output has a spatial layout worth tiling as images. */
    public boolean spatial() {
        return this == INPUT || this == CONVOLUTION || this == BATCH_NORM || this == ACTIVATION || this == POOLING;
    }
}
