package io.handwritingstudio.model;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.ArrayList;
import java.util.List;

/**
 * A convolution or dense layer followed by batch normalisation, as one layer with folded weights. At inference batch
 * norm is a per-channel affine map, so {@code W' = W·s} and {@code b' = (b − mean)·s + beta} with
 * {@code s = gamma / sqrt(var + eps)} give the same output in one op instead of two: in {@code strong}'s single-image
 * forward the five batch-norm ops took 235 of 1,030 us (docs/BENCHMARKS.md). The folded arrays are copies, so the
 * caller {@link #refresh}es them when the network has trained since.
 */
final class BatchNormFold {
    private final Layer layer;
    private final BatchNormParams norm;
    /** Where the variance is derived from log std, the step that derives it (run on each refresh). */
    private final List<NativeStep> varianceSteps = new ArrayList<>();
    private final INDArray variance;
    private final boolean convolution;
    private final boolean bias;
    /** The layer's weights scaled per output channel (DL4J's layout: conv [out, in, kH, kW], dense [in, out]). */
    final INDArray weights;
    /** One bias per output channel. */
    final INDArray biases;

    private BatchNormFold(Layer layer, Layer norm, boolean convolution, boolean bias) {
        this.layer = layer;
        this.convolution = convolution;
        this.bias = bias;
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            this.norm = BatchNormParams.of(norm);
            this.variance = this.norm.variance(varianceSteps);
            INDArray w = layer.getParam("W");
            weights = Nd4j.create(DataType.FLOAT, w.shape(), 'c');
            biases = Nd4j.create(DataType.FLOAT, convolution ? w.size(0) : w.size(1));
        }
        refresh();
    }

    /**
     * The fold of {@code layer} and the next layer, or null where they are not a convolution or dense layer without an
     * activation of its own (batch norm must see the raw output) followed by channels-first batch norm.
     */
    static BatchNormFold of(Layer layer, Layer next) {
        if (next.conf().getLayer().getClass() != BatchNormalization.class) return null;
        if (((BatchNormalization) next.conf().getLayer()).getCnn2DFormat() != CNN2DFormat.NCHW) return null;
        org.deeplearning4j.nn.conf.layers.Layer conf = layer.conf().getLayer();
        if (conf.getClass() == ConvolutionLayer.class) {
            ConvolutionLayer c = (ConvolutionLayer) conf;
            if (c.getCnn2dDataFormat() != CNN2DFormat.NCHW || !(c.getActivationFn() instanceof ActivationIdentity)) return null;
            if (c.getWeightNoise() != null) return null;
            return new BatchNormFold(layer, next, true, c.hasBias());
        }
        if (conf.getClass() == DenseLayer.class) {
            DenseLayer d = (DenseLayer) conf;
            if (d.hasLayerNorm() || d.getWeightNoise() != null || !(d.getActivationFn() instanceof ActivationIdentity)) {
                return null;
            }
            return new BatchNormFold(layer, next, false, d.hasBias());
        }
        return null;
    }

    boolean convolution() {
        return convolution;
    }

    /** Recomputes the folded arrays from the network's current parameters. */
    void refresh() {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            for (NativeStep step : varianceSteps) step.run();
            long channels = norm.mean().length();
            INDArray scale = norm.gamma().div(Transforms.sqrt(variance.add(norm.eps()), false));
            INDArray w = layer.getParam("W");
            if (convolution) {
                weights.assign(w.reshape('c', channels, w.length() / channels).mulColumnVector(scale.reshape(channels, 1))
                        .reshape('c', w.shape()));
            } else {
                weights.assign(w.mulRowVector(scale.reshape(1, channels)));
            }
            INDArray b = bias ? NativeStep.vector(layer.getParam("b")) : Nd4j.zeros(DataType.FLOAT, channels);
            biases.assign(b.sub(norm.mean()).muli(scale).addi(norm.beta()));
        }
    }
}
