package io.handwritingstudio.model;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.function.UnaryOperator;

/**
 * Plain ReLU with a faster backward pass, for training. libnd4j's {@code relu_bp} calls a {@code std::function} per
 * element; here the gradient is {@code step(z) * epsilon}, two vectorised passes. On {@code classic} at batch 64 the
 * old path spent ~10 ms of a ~45 ms iteration in ReLU's derivative (docs/BENCHMARKS.md, "ReLU backward").
 * Only a training-time substitute ({@link TrainingSpeedups}): {@link #install} swaps it into a network's layers and {@link #standard} swaps it
 * back in a copy of the configuration before it is saved, so model files keep DL4J's own {@code ActivationReLU}.
 */
public final class FastReLU extends ActivationReLU {

    @Override
    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        assertShape(in, epsilon);
        // As ActivationReLU: dL/dz is written into `in` (z > 0 ? epsilon : 0, so z = 0 gives 0).
        Transforms.step(in, false).muli(epsilon);
        return new Pair<>(in, null);
    }

    @Override
    public String toString() {
        return "relu";
    }

    /** Replaces every plain ReLU (no cap, threshold or negative slope) in {@code network}'s layers by this one. */
    public static void install(MultiLayerNetwork network) {
        for (NeuralNetConfiguration layer : network.getLayerWiseConfigurations().getConfs()) {
            swap(layer.getLayer(), fn -> isPlainReLU(fn) && !(fn instanceof FastReLU) ? new FastReLU() : fn);
        }
    }

    /** A copy of {@code conf} with DL4J's own ReLU where this one was installed (what model files hold). */
    public static MultiLayerConfiguration standard(MultiLayerConfiguration conf) {
        MultiLayerConfiguration copy = conf.clone();
        for (NeuralNetConfiguration layer : copy.getConfs()) {
            swap(layer.getLayer(), fn -> fn instanceof FastReLU ? new ActivationReLU() : fn);
        }
        return copy;
    }

    private static void swap(Layer layer, UnaryOperator<IActivation> change) {
        if (layer instanceof BaseLayer b && b.getActivationFn() != null) b.setActivationFn(change.apply(b.getActivationFn()));
        if (layer instanceof ActivationLayer a && a.getActivationFn() != null) a.setActivationFn(change.apply(a.getActivationFn()));
    }

    /** ReLU without a cap, threshold or negative slope: what both this class and the direct chain's relu op compute. */
    static boolean isPlainReLU(IActivation fn) {
        return fn instanceof ActivationReLU r && r.getMax() == null && zero(r.getThreshold()) && zero(r.getNegativeSlope());
    }

    private static boolean zero(Double v) {
        return v == null || v == 0.0;
    }
}
