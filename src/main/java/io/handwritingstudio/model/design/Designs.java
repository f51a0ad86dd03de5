package io.handwritingstudio.model.design;

import io.handwritingstudio.model.design.LayerSpec.Activation;
import io.handwritingstudio.model.design.LayerSpec.Padding;
import io.handwritingstudio.model.design.LayerSpec.PoolKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The preset designs a learner starts from, from no convolution at all to the bundled models' network, so that
 * "what do convolutions buy?" is one comparison away.
 */
public final class Designs {
    private static final Map<String, NetworkDesign> PRESETS = new LinkedHashMap<>();

    static {
        add(classic());
        add(strong());
        add(lenet5());
        add(tiny());
        add(denseOnly());
    }

    private Designs() {
    }

    public static List<NetworkDesign> presets() {
        return List.copyOf(PRESETS.values());
    }

    public static Optional<NetworkDesign> preset(String name) {
        return Optional.ofNullable(PRESETS.get(name));
    }

    private static void add(NetworkDesign design) {
        PRESETS.put(design.name(), design);
    }

    /** The seed project's network: conv32-pool-conv64-pool-conv64-dense64-dropout (93,322 parameters for 10 classes). */
    public static NetworkDesign classic() {
        return new NetworkDesign("classic", List.of(conv(32), maxPool(), conv(64), maxPool(), conv(64),
                dense(64, Activation.RELU, true), new LayerSpec.Dropout(0.5)));
    }

    /**
     * The bundled models' network: four 3x3 convolutions, each followed by batch norm and ReLU (the convolution has
     * no bias and no activation of its own: batch norm supplies both), two pooling stages, dense 128 (198,442
     * parameters for 10 classes).
     */
    public static NetworkDesign strong() {
        List<LayerSpec> l = new ArrayList<>();
        l.addAll(convBnRelu(32, Padding.SAME));
        l.addAll(convBnRelu(32, Padding.VALID));
        l.add(maxPool());
        l.addAll(convBnRelu(64, Padding.VALID));
        l.addAll(convBnRelu(64, Padding.VALID));
        l.add(maxPool());
        l.add(dense(128, Activation.IDENTITY, false));
        l.add(new LayerSpec.BatchNorm());
        l.add(new LayerSpec.ActivationLayer(Activation.RELU));
        l.add(new LayerSpec.Dropout(0.4));
        return new NetworkDesign("strong", l);
    }

    /**
     * LeCun et al.'s LeNet-5 (1998) for 28x28 input: C1 6@5x5 (same padding stands in for the original's 32x32
     * input), S2 average pooling, C3 16@5x5, S4, C5 as dense 120, F6 84, tanh throughout as in the paper.
     */
    public static NetworkDesign lenet5() {
        return new NetworkDesign("lenet5", List.of(
                new LayerSpec.Convolution(6, 5, 1, Padding.SAME, Activation.TANH, true),
                new LayerSpec.Pooling(PoolKind.AVG, 2, 2),
                new LayerSpec.Convolution(16, 5, 1, Padding.VALID, Activation.TANH, true),
                new LayerSpec.Pooling(PoolKind.AVG, 2, 2),
                dense(120, Activation.TANH, true), dense(84, Activation.TANH, true)));
    }

    /** A few thousand parameters (3,722 for 10 classes): how little a convolutional network needs for MNIST. */
    public static NetworkDesign tiny() {
        return new NetworkDesign("tiny", List.of(conv(4), maxPool(), conv(8), maxPool(), dense(16, Activation.RELU, true)));
    }

    /** No convolutions: every pixel wired to every unit (109,386 parameters for 10 classes). */
    public static NetworkDesign denseOnly() {
        return new NetworkDesign("dense", List.of(dense(128, Activation.RELU, true), new LayerSpec.Dropout(0.2),
                dense(64, Activation.RELU, true)));
    }

    private static LayerSpec conv(int filters) {
        return new LayerSpec.Convolution(filters, 3, 1, Padding.VALID, Activation.RELU, true);
    }

    private static List<LayerSpec> convBnRelu(int filters, Padding padding) {
        return List.of(new LayerSpec.Convolution(filters, 3, 1, padding, Activation.IDENTITY, false),
                new LayerSpec.BatchNorm(), new LayerSpec.ActivationLayer(Activation.RELU));
    }

    private static LayerSpec maxPool() {
        return new LayerSpec.Pooling(PoolKind.MAX, 2, 2);
    }

    private static LayerSpec dense(int units, Activation activation, boolean bias) {
        return new LayerSpec.Dense(units, activation, bias);
    }
}
