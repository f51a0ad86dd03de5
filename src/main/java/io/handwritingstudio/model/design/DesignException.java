package io.handwritingstudio.model.design;

import io.handwritingstudio.files.Failures;

/** A design that cannot be read or built; {@link #layer()} is the 1-based layer at fault, or -1 for the whole. */
public final class DesignException extends Exception implements Failures.Expected {
    private final int layer;

    public DesignException(int layer, String message) {
        super(layer > 0 ? "layer " + layer + " " + message : message);
        this.layer = layer;
    }

    public int layer() {
        return layer;
    }
}
