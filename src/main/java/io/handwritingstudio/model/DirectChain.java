package io.handwritingstudio.model;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.util.function.Supplier;

/**
 * The {@link DirectForward} of one batch size for a network: built on first use, built again when the network's
 * parameter array is replaced, and never retried where the network cannot use it ({@link #note} says why).
 */
final class DirectChain {
    private final MultiLayerNetwork network;
    private final Supplier<long[]> inputShape;
    private DirectForward forward;
    private String note;
    private int builds;

    DirectChain(MultiLayerNetwork network, Supplier<long[]> inputShape) {
        this.network = network;
        this.inputShape = inputShape;
    }

    /** The chain, or null where the network cannot use one. */
    DirectForward get() {
        if (forward != null && forward.current()) return forward;
        if (forward == null && note != null) return null;
        forward = null;
        builds++;
        try {
            forward = DirectForward.build(network, inputShape.get());
        } catch (DirectForward.Unsupported e) {
            note = e.getMessage();
        }
        return forward;
    }

    /** Which path this batch size takes: "direct ops (its layout)", or "output() (why not)". */
    String describe() {
        DirectForward d = get();
        return d != null ? "direct ops (" + d.layout() + ")" : "output() (" + note + ")";
    }

    int builds() {
        return builds;
    }
}
