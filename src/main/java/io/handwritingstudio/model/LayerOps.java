package io.handwritingstudio.model;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationELU;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;

/**
 * Each supported DL4J layer as libnd4j ops for one image at inference, appended to one chain. Channels first is
 * DL4J's own layout (every layer's output reads as the network's). Channels last is faster on oneDNN's
 * convolutions, which take NHWC without reordering to and from their blocked layout: 33 against 55 us for a
 * first layer, 136 against 166 for {@code strong}'s second (docs/BENCHMARKS.md); its convolutions read
 * re-laid-out copies of the weights, which the caller {@link #refresh}es when the network has trained.
 */
final class LayerOps {
    /** {@code -Dhws.directForward.denseHelpers=true}: oneDNN for dense layers with a bias too (for measuring). */
    private static final boolean DENSE_HELPERS = Boolean.getBoolean("hws.directForward.denseHelpers");
    /** Weights below this many take the dense layer as one xw_plus_b op, above as oneDNN's matmul and an add. */
    private static final long SMALL_DENSE = 16_384;
    private final boolean channelsLast;
    private final List<NativeStep> steps = new ArrayList<>();
    /** Arrays computed from the parameters (folds, re-laid-out weights), in the order they must be recomputed. */
    private final List<Runnable> derived = new ArrayList<>();

    private LayerOps(boolean channelsLast) {
        this.channelsLast = channelsLast;
    }

    static LayerOps channelsFirst() {
        return new LayerOps(false);
    }

    static LayerOps channelsLast() {
        return new LayerOps(true);
    }

    boolean channelsLastLayout() {
        return channelsLast;
    }

    List<NativeStep> steps() {
        return steps;
    }

    /** Recomputes the derived arrays from the network's current parameters. */
    void refresh() {
        for (Runnable r : derived) r.run();
    }

    INDArray preprocess(InputPreProcessor pre, INDArray in) throws DirectForward.Unsupported {
        if (pre == null) return in;
        if (pre instanceof FeedForwardToCnnPreProcessor f) {
            if (!channelsLast) return in.reshape('c', in.size(0), f.getNumChannels(), f.getInputHeight(), f.getInputWidth());
            // a flat image is channels first; with one channel that is the same memory as channels last
            if (f.getNumChannels() != 1) throw new DirectForward.Unsupported("channels last with " + f.getNumChannels() + " input channels");
            return in.reshape('c', in.size(0), f.getInputHeight(), f.getInputWidth(), 1);
        }
        if (pre instanceof CnnToFeedForwardPreProcessor c && c.getFormat() == CNN2DFormat.NCHW) {
            INDArray flat = in;
            if (channelsLast) {
                // dense weights expect DL4J's flattening order (channel, row, column)
                flat = Nd4j.create(DataType.FLOAT, new long[]{in.size(0), in.size(3), in.size(1), in.size(2)}, 'c');
                steps.add(NativeStep.of("permute", new INDArray[]{in}, flat, new long[]{0, 3, 1, 2}));
            }
            return flat.reshape('c', in.size(0), in.length() / in.size(0));
        }
        throw new DirectForward.Unsupported("input preprocessor " + pre.getClass().getSimpleName());
    }

    /** Binds one layer; {@code outShape} is its output's shape as DL4J gives it (channels first). */
    INDArray bind(Layer conf, org.deeplearning4j.nn.api.Layer layer, INDArray in, long[] outShape)
            throws DirectForward.Unsupported {
        if (conf instanceof BaseLayer b && b.getWeightNoise() != null) throw unsupported(conf, "weight noise");
        Class<?> type = conf.getClass();
        if (type == ConvolutionLayer.class) {
            ConvolutionLayer c = (ConvolutionLayer) conf;
            INDArray b = c.hasBias() ? NativeStep.vector(layer.getParam("b")) : null;
            INDArray out = convolution(c, layer.getParam("W"), b, in, outShape);
            activation(c.getActivationFn(), out, out);
            return out;
        }
        if (type == SubsamplingLayer.class) return pooling((SubsamplingLayer) conf, in, outShape);
        if (type == BatchNormalization.class) return batchNorm((BatchNormalization) conf, layer, in, outShape);
        if (type == DenseLayer.class || type == OutputLayer.class) return dense((BaseLayer) conf, layer, in, outShape);
        if (type == DropoutLayer.class) return in; // dropout is the identity at inference
        if (type == ActivationLayer.class) {
            // In place, as DL4J does at inference: feedForward() then shows the previous layer's output
            // activated too, and "Inside the network" keeps showing what it showed before.
            activation(((ActivationLayer) conf).getActivationFn(), in, in);
            return in;
        }
        throw unsupported(conf, "layer type");
    }

    /** A convolution or dense layer with the batch norm after it folded in ({@link BatchNormFold}). */
    INDArray folded(BatchNormFold fold, Layer conf, INDArray in, long[] outShape) throws DirectForward.Unsupported {
        derived.add(fold::refresh);
        if (fold.convolution()) return convolution((ConvolutionLayer) conf, fold.weights, fold.biases, in, outShape);
        INDArray out = alloc(outShape);
        steps.add(NativeStep.of("matmul", new INDArray[]{in, fold.weights}, out, new long[0]));
        steps.add(NativeStep.of("add", new INDArray[]{out, fold.biases}, out, new long[0]));
        return out;
    }

    private INDArray convolution(ConvolutionLayer c, INDArray weights, INDArray bias, INDArray in, long[] outShape)
            throws DirectForward.Unsupported {
        if (c.getCnn2dDataFormat() != CNN2DFormat.NCHW) throw unsupported(c, "channels-last format");
        INDArray out = alloc(outShape);
        INDArray w = channelsLast ? reordered(weights, 2, 3, 1, 0) : weights;
        INDArray[] inputs = bias != null ? new INDArray[]{in, w, bias} : new INDArray[]{in, w};
        // arguments after the window: the layout (0 channels first, 1 last), the weights' format (1: DL4J's
        // [out, in, kH, kW]; 0: [kH, kW, in, out], which oneDNN reads without a reorder in channels last)
        steps.add(NativeStep.of("conv2d", inputs, out, window(c, c.getKernelSize(), c.getStride(), c.getPadding(),
                c.getDilation(), c.getConvolutionMode(), channelsLast ? 1 : 0, channelsLast ? 0 : 1))
                .helpers(convolutionHelpers(in)));
        return out;
    }

    /**
     * oneDNN for a convolution of one image, except on a single input channel in channels first: there libnd4j's own
     * kernel took 81 us against oneDNN's 116 (strong's first layer; docs/BENCHMARKS.md).
     */
    private boolean convolutionHelpers(INDArray in) {
        return channelsLast || in.size(1) != 1;
    }

    /** A copy of {@code source} with its axes in {@code order}, recomputed on {@link #refresh}. */
    private INDArray reordered(INDArray source, int... order) {
        INDArray copy = Nd4j.create(DataType.FLOAT, source.permute(order).shape(), 'c');
        Runnable update = () -> copy.assign(source.permute(order));
        update.run();
        derived.add(update);
        return copy;
    }

    private INDArray pooling(SubsamplingLayer s, INDArray in, long[] outShape) throws DirectForward.Unsupported {
        PoolingOp pool = PoolingOp.of(s, channelsLast ? 1 : 0);
        INDArray out = alloc(outShape);
        steps.add(NativeStep.of(pool.name(), new INDArray[]{in}, out, pool.args()));
        return out;
    }

    /** libnd4j's op for a pooling layer and its arguments in {@code layout} (0 channels first, 1 last); "_bp" is its gradient. */
    record PoolingOp(String name, long[] args) {
        static PoolingOp of(SubsamplingLayer s, long layout) throws DirectForward.Unsupported {
            if (s.getCnn2dDataFormat() != CNN2DFormat.NCHW) throw unsupported(s, "channels-last format");
            // extra arguments: max pooling's is unused; average pooling's 0 divides by the window's real (unpadded)
            // size, 1 by the whole window; then the layout
            if (s.getPoolingType() == PoolingType.MAX) return new PoolingOp("maxpool2d", window(s, 0, layout));
            if (s.getPoolingType() == PoolingType.AVG) {
                return new PoolingOp("avgpool2d", window(s, s.isAvgPoolIncludePadInDivisor() ? 1 : 0, layout));
            }
            throw unsupported(s, s.getPoolingType() + " pooling");
        }

        private static long[] window(SubsamplingLayer s, long extra, long layout) throws DirectForward.Unsupported {
            return LayerOps.window(s, s.getKernelSize(), s.getStride(), s.getPadding(), s.getDilation(),
                    s.getConvolutionMode(), extra, layout);
        }
    }

    private INDArray batchNorm(BatchNormalization b, org.deeplearning4j.nn.api.Layer layer, INDArray in, long[] outShape)
            throws DirectForward.Unsupported {
        if (b.getCnn2DFormat() != CNN2DFormat.NCHW) throw unsupported(b, "channels-last format");
        BatchNormParams p = BatchNormParams.of(layer);
        INDArray variance = p.variance(steps); // recomputed per run where derived, so trained updates count
        INDArray out = alloc(outShape);
        long channelAxis = channelsLast && outShape.length == 4 ? 3 : 1;
        // arguments: apply gamma, apply beta, the channel axis; epsilon
        steps.add(NativeStep.of("batchnorm", new INDArray[]{in, p.mean(), variance, p.gamma(), p.beta()}, out,
                new long[]{1, 1, channelAxis}, p.eps()));
        return out;
    }

    private INDArray dense(BaseLayer d, org.deeplearning4j.nn.api.Layer layer, INDArray in, long[] outShape)
            throws DirectForward.Unsupported {
        if (d instanceof DenseLayer dense && dense.hasLayerNorm()) throw unsupported(d, "layer norm");
        boolean bias = d instanceof DenseLayer dense ? dense.hasBias() : ((OutputLayer) d).hasBias();
        INDArray out = alloc(outShape);
        INDArray w = layer.getParam("W");
        if (bias && w.length() < SMALL_DENSE) {
            // xw_plus_b on libnd4j's own kernel: 2-3 us for an output layer of 128x36, where oneDNN's took 29-198
            steps.add(NativeStep.of("xw_plus_b", new INDArray[]{in, w, NativeStep.vector(layer.getParam("b"))}, out,
                    new long[0]).helpers(DENSE_HELPERS));
        } else {
            // a bigger product is the other way round: classic's 576x64 took 5.6 us on oneDNN's matmul (plus 1.3 for
            // the bias) against 15 in xw_plus_b; strong's 1600x128 14 against 80
            steps.add(NativeStep.of("matmul", new INDArray[]{in, w}, out, new long[0]));
            if (bias) steps.add(NativeStep.of("add", new INDArray[]{out, NativeStep.vector(layer.getParam("b"))}, out, new long[0]));
        }
        activation(d.getActivationFn(), out, out);
        return out;
    }

    private void activation(IActivation fn, INDArray in, INDArray out) throws DirectForward.Unsupported {
        if (fn instanceof ActivationIdentity) {
            if (in != out) steps.add(NativeStep.of("identity", in, out));
        } else if (FastReLU.isPlainReLU(fn)) {
            steps.add(NativeStep.of("relu", in, out, 0.0));
        } else if (fn instanceof ActivationLReLU l) {
            steps.add(NativeStep.of("lrelu", in, out, l.getAlpha()));
        } else if (fn instanceof ActivationELU e) {
            steps.add(NativeStep.of("elu", in, out, e.getAlpha()));
        } else if (fn instanceof ActivationTanH) {
            steps.add(NativeStep.of("tanh", in, out));
        } else if (fn instanceof ActivationSigmoid) {
            steps.add(NativeStep.of("sigmoid", in, out));
        } else if (fn instanceof ActivationSoftmax) {
            steps.add(NativeStep.of("softmax", in, out));
        } else {
            throw new DirectForward.Unsupported("activation " + fn);
        }
    }

    /** libnd4j's window arguments: kernel, stride, padding, dilation, same-mode, then {@code extra}. */
    static long[] window(Layer conf, int[] k, int[] s, int[] p, int[] d, ConvolutionMode mode, long... extra)
            throws DirectForward.Unsupported {
        long same = switch (mode) {
            case Same -> 1;
            case Truncate, Strict -> 0;
            default -> throw unsupported(conf, "convolution mode " + mode);
        };
        long[] args = new long[9 + extra.length];
        long[] head = {k[0], k[1], s[0], s[1], p[0], p[1], d[0], d[1], same};
        System.arraycopy(head, 0, args, 0, 9);
        System.arraycopy(extra, 0, args, 9, extra.length);
        return args;
    }

    /** An output array of DL4J's (channels-first) {@code shape}, in this chain's layout. */
    private INDArray alloc(long[] shape) {
        long[] s = channelsLast && shape.length == 4 ? new long[]{shape[0], shape[2], shape[3], shape[1]} : shape;
        return Nd4j.create(DataType.FLOAT, s, 'c');
    }

    static DirectForward.Unsupported unsupported(Layer conf, String what) {
        return new DirectForward.Unsupported(what + " in " + conf.getClass().getSimpleName()
                + (conf.getLayerName() == null ? "" : " '" + conf.getLayerName() + "'"));
    }
}
