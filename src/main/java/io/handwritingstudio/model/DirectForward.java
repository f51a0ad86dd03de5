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
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationELU;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The forward pass of one image as a fixed chain of libnd4j ops, for the single-image path (drawing pad,
 * {@code predict}, "Inside the network"). {@code network.output()} of one image spends most of its time around the
 * maths: workspace set-up, per-op Java objects, shape inference and array allocation on every call. Here every
 * op is bound once to pre-allocated arrays and to views of the network's own parameters (so in-place training
 * updates are seen), and a call is one native call per op. Built only for layers it knows, and only kept if its
 * output matches {@code output()} at build time; otherwise {@link Unsupported} and the caller uses {@code output()}.
 * Not thread-safe: callers hold the model's lock.
 */
final class DirectForward {
    /** {@code -Dhws.directForward=false} turns this path off (everything goes through {@code output()}). */
    static final String PROPERTY = "hws.directForward";
    static final double TOLERANCE = 1e-4;
    /**
     * OpenMP threads for this path's ops (default 1; 0 leaves the caller's setting). Split over two cores, a
     * one-image op waits at a barrier for whichever core is busy elsewhere: that made the tail (see BENCHMARKS.md).
     */
    static final String THREADS = "hws.directForward.threads";
    private static final org.nd4j.nativeblas.NativeOps NATIVE = org.nd4j.nativeblas.NativeOpsHolder.getInstance()
            .getDeviceNativeOps();
    private final int threads = Integer.getInteger(THREADS, 1);

    private final MultiLayerNetwork network;
    /** The parameters' native address at build time (the chain's ops hold views of that storage). */
    private final long paramsAtBuild;
    private final List<INDArray> activations;
    private final FloatBuffer in;
    private final FloatBuffer out;
    /** Every layer's op, for {@link #activations} ("Inside the network" shows each layer's output). */
    private final NativeStep[] steps;
    /** The same forward pass with each (layer, batch norm) pair folded into one op, for {@link #run}. */
    private final NativeStep[] predictSteps;
    private final List<BatchNormFold> folds;
    private int foldedAtIteration;
    private int foldedAtEpoch;

    /** Why a network cannot use this path (unknown layer, or the check against output() failed). */
    static final class Unsupported extends Exception {
        Unsupported(String reason) {
            super(reason);
        }
    }

    static boolean enabled() {
        return !"false".equalsIgnoreCase(System.getProperty(PROPERTY));
    }

    private DirectForward(MultiLayerNetwork network, List<INDArray> activations, List<NativeStep> steps,
                          Chain prediction) {
        this.network = network;
        this.paramsAtBuild = storage(network.params());
        this.activations = List.copyOf(activations);
        this.in = activations.get(0).data().asNioFloat();
        this.out = prediction.output.data().asNioFloat();
        this.steps = steps.toArray(NativeStep[]::new);
        this.predictSteps = prediction.steps.toArray(NativeStep[]::new);
        this.folds = List.copyOf(prediction.folds);
        this.foldedAtIteration = network.getIterationCount();
        this.foldedAtEpoch = network.getEpochCount();
    }

    /** The prediction chain: its ops, its output array, and the folds its ops read. */
    private record Chain(List<NativeStep> steps, INDArray output, List<BatchNormFold> folds) {
    }

    /** Builds the chain for one input of {@code inputShape} (batch 1) and checks it against {@code output()}. */
    static DirectForward build(MultiLayerNetwork network, long[] inputShape) throws Unsupported {
        if (!enabled()) throw new Unsupported("turned off by -D" + PROPERTY + "=false");
        if (inputShape[0] != 1) throw new Unsupported("batch of " + inputShape[0]);
        DirectForward direct;
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            direct = plan(network, inputShape);
        } catch (RuntimeException e) {
            throw new Unsupported("could not bind the ops: " + e.getMessage());
        }
        direct.check(inputShape);
        return direct;
    }

    /** Whether the network still has the parameter array this chain was built on. */
    boolean current() {
        // The storage, not the array: for a network initialised with a [1, n] parameter array params() returns a new
        // reshaped view on every call (model files were read that way until ModelZip changed), which made every single
        // image rebuild this chain (20-30 ms instead of 0.3-0.7). The address holds for any shape.
        return storage(network.params()) == paramsAtBuild;
    }

    /** Where an array's first element lives in native memory. */
    private static long storage(INDArray a) {
        return a.data().address() + a.offset() * a.data().getElementSize();
    }

    /** The last layer's output (class probabilities) for one image of {@code pixels}. */
    float[] run(float[] pixels) {
        refoldIfTrained();
        forward(pixels, predictSteps);
        float[] result = new float[out.capacity()];
        out.clear();
        out.get(result);
        return result;
    }

    /** The input followed by every layer's output, valid until the next call. */
    List<INDArray> activations(float[] pixels) {
        forward(pixels, steps);
        return activations;
    }

    /** Training updates the parameters in place (every chain op sees that) but not the folded copies. */
    private void refoldIfTrained() {
        if (network.getIterationCount() == foldedAtIteration && network.getEpochCount() == foldedAtEpoch) return;
        for (BatchNormFold fold : folds) fold.refresh();
        foldedAtIteration = network.getIterationCount();
        foldedAtEpoch = network.getEpochCount();
    }

    private void forward(float[] pixels, NativeStep[] chain) {
        if (pixels.length != in.capacity()) throw new IllegalArgumentException("expected " + in.capacity() + " pixels");
        in.clear();
        in.put(pixels);
        int before = threads > 0 ? NATIVE.ompGetMaxThreads() : threads;
        if (before != threads) NATIVE.setOmpNumThreads(threads);
        try {
            for (NativeStep step : chain) step.run();
        } finally {
            if (before != threads) NATIVE.setOmpNumThreads(before);
        }
    }

    private void check(long[] inputShape) throws Unsupported {
        int n = in.capacity();
        SplittableRandom rng = new SplittableRandom(16);
        for (int trial = 0; trial < 3; trial++) {
            float[] pixels = new float[n];
            for (int i = 0; i < n; i++) pixels[i] = trial == 0 ? 0f : (float) rng.nextDouble();
            float[] expected = network.output(Nd4j.create(pixels, inputShape, 'c'), false).toFloatVector();
            float[] actual = run(pixels);
            if (expected.length != actual.length) throw new Unsupported("output size differs from output()");
            for (int i = 0; i < actual.length; i++) {
                double diff = Math.abs(expected[i] - actual[i]);
                if (!(diff < TOLERANCE)) throw new Unsupported("differs from output() by " + diff);
            }
        }
    }

    private static DirectForward plan(MultiLayerNetwork network, long[] inputShape) throws Unsupported {
        List<INDArray> reference = network.feedForward(Nd4j.rand(DataType.FLOAT, inputShape), false);
        List<INDArray> acts = new ArrayList<>();
        List<NativeStep> steps = new ArrayList<>();
        INDArray input = Nd4j.create(DataType.FLOAT, inputShape, 'c');
        INDArray current = input;
        acts.add(current);
        for (int i = 0; i < network.getnLayers(); i++) {
            current = preprocess(network.getLayerWiseConfigurations().getInputPreProcess(i), current);
            org.deeplearning4j.nn.api.Layer layer = network.getLayer(i);
            current = Layers.bind(layer.conf().getLayer(), layer, current, reference.get(i + 1).shape(), steps);
            acts.add(current);
        }
        return new DirectForward(network, acts, steps, predictionChain(network, input, reference));
    }

    /** The forward pass again from the same input array, each foldable (layer, batch norm) pair as one op. */
    private static Chain predictionChain(MultiLayerNetwork network, INDArray input, List<INDArray> reference)
            throws Unsupported {
        List<NativeStep> steps = new ArrayList<>();
        List<BatchNormFold> folds = new ArrayList<>();
        INDArray current = input;
        int n = network.getnLayers();
        for (int i = 0; i < n; i++) {
            current = preprocess(network.getLayerWiseConfigurations().getInputPreProcess(i), current);
            org.deeplearning4j.nn.api.Layer layer = network.getLayer(i);
            BatchNormFold fold = i + 1 < n && network.getLayerWiseConfigurations().getInputPreProcess(i + 1) == null
                    ? BatchNormFold.of(layer, network.getLayer(i + 1)) : null;
            if (fold == null) {
                current = Layers.bind(layer.conf().getLayer(), layer, current, reference.get(i + 1).shape(), steps);
                continue;
            }
            current = Layers.folded(fold, layer.conf().getLayer(), current, reference.get(i + 2).shape(), steps);
            folds.add(fold);
            i++;
        }
        return new Chain(steps, current, folds);
    }

    private static INDArray preprocess(InputPreProcessor pre, INDArray in) throws Unsupported {
        if (pre == null) return in;
        if (pre instanceof FeedForwardToCnnPreProcessor f) {
            return in.reshape('c', in.size(0), f.getNumChannels(), f.getInputHeight(), f.getInputWidth());
        }
        if (pre instanceof CnnToFeedForwardPreProcessor c && c.getFormat() == CNN2DFormat.NCHW) {
            return in.reshape('c', in.size(0), in.length() / in.size(0));
        }
        throw new Unsupported("input preprocessor " + pre.getClass().getSimpleName());
    }

    /** Each supported DL4J layer as libnd4j ops (NCHW, inference mode). */
    private static final class Layers {
        /** {@code -Dhws.directForward.denseHelpers=true}: oneDNN for dense layers with a bias too (for measuring). */
        private static final boolean DENSE_HELPERS = Boolean.getBoolean("hws.directForward.denseHelpers");
        static INDArray bind(Layer conf, org.deeplearning4j.nn.api.Layer layer, INDArray in, long[] outShape,
                             List<NativeStep> steps) throws Unsupported {
            if (conf instanceof BaseLayer b && b.getWeightNoise() != null) throw unsupported(conf, "weight noise");
            Class<?> type = conf.getClass();
            if (type == ConvolutionLayer.class) return convolution((ConvolutionLayer) conf, layer, in, outShape, steps);
            if (type == SubsamplingLayer.class) return pooling((SubsamplingLayer) conf, in, outShape, steps);
            if (type == BatchNormalization.class) return batchNorm((BatchNormalization) conf, layer, in, outShape, steps);
            if (type == DenseLayer.class || type == OutputLayer.class) return dense((BaseLayer) conf, layer, in, outShape, steps);
            if (type == DropoutLayer.class) return in; // dropout is the identity at inference
            if (type == ActivationLayer.class) {
                // In place, as DL4J does at inference: feedForward() then shows the previous layer's output
                // activated too, and "Inside the network" keeps showing what it showed before.
                activation(((ActivationLayer) conf).getActivationFn(), in, in, steps);
                return in;
            }
            throw unsupported(conf, "layer type");
        }

        private static INDArray convolution(ConvolutionLayer c, org.deeplearning4j.nn.api.Layer layer, INDArray in,
                                            long[] outShape, List<NativeStep> steps) throws Unsupported {
            if (c.getCnn2dDataFormat() != CNN2DFormat.NCHW) throw unsupported(c, "channels-last format");
            INDArray out = alloc(outShape);
            INDArray w = layer.getParam("W");
            INDArray[] inputs = c.hasBias() ? new INDArray[]{in, w, NativeStep.vector(layer.getParam("b"))} : new INDArray[]{in, w};
            // weight format 1: DL4J stores [out channels, in channels, kH, kW]
            steps.add(NativeStep.of("conv2d", inputs, out, window(c, c.getKernelSize(), c.getStride(), c.getPadding(),
                    c.getDilation(), c.getConvolutionMode(), 0, 1)).helpers(convolutionHelpers(in)));
            activation(c.getActivationFn(), out, out, steps);
            return out;
        }

        /** A convolution or dense layer with the batch norm after it folded in ({@link BatchNormFold}). */
        static INDArray folded(BatchNormFold fold, Layer conf, INDArray in, long[] outShape, List<NativeStep> steps)
                throws Unsupported {
            INDArray out = alloc(outShape);
            if (fold.convolution()) {
                ConvolutionLayer c = (ConvolutionLayer) conf;
                steps.add(NativeStep.of("conv2d", new INDArray[]{in, fold.weights, fold.biases}, out, window(c,
                        c.getKernelSize(), c.getStride(), c.getPadding(), c.getDilation(), c.getConvolutionMode(), 0, 1))
                        .helpers(convolutionHelpers(in)));
            } else {
                steps.add(NativeStep.of("matmul", new INDArray[]{in, fold.weights}, out, new long[0]));
                steps.add(NativeStep.of("add", new INDArray[]{out, fold.biases}, out, new long[0]));
            }
            return out;
        }

        /**
         * oneDNN for a convolution of one image, except on a single input channel: there libnd4j's own kernel took
         * 81 us against oneDNN's 116 (strong's first layer; docs/BENCHMARKS.md).
         */
        private static boolean convolutionHelpers(INDArray in) {
            return in.size(1) != 1;
        }

        private static INDArray pooling(SubsamplingLayer s, INDArray in, long[] outShape, List<NativeStep> steps)
                throws Unsupported {
            if (s.getCnn2dDataFormat() != CNN2DFormat.NCHW) throw unsupported(s, "channels-last format");
            INDArray out = alloc(outShape);
            if (s.getPoolingType() == PoolingType.MAX) {
                steps.add(NativeStep.of("maxpool2d", new INDArray[]{in}, out, window(s, s.getKernelSize(), s.getStride(),
                        s.getPadding(), s.getDilation(), s.getConvolutionMode(), 0)));
            } else if (s.getPoolingType() == PoolingType.AVG) {
                // extra argument: 0 divides by the window's real (unpadded) size, 1 by the whole window
                steps.add(NativeStep.of("avgpool2d", new INDArray[]{in}, out, window(s, s.getKernelSize(), s.getStride(),
                        s.getPadding(), s.getDilation(), s.getConvolutionMode(), s.isAvgPoolIncludePadInDivisor() ? 1 : 0, 0)));
            } else {
                throw unsupported(s, s.getPoolingType() + " pooling");
            }
            return out;
        }

        private static INDArray batchNorm(BatchNormalization b, org.deeplearning4j.nn.api.Layer layer, INDArray in,
                                          long[] outShape, List<NativeStep> steps) throws Unsupported {
            if (b.getCnn2DFormat() != CNN2DFormat.NCHW) throw unsupported(b, "channels-last format");
            BatchNormParams p = BatchNormParams.of(layer);
            INDArray variance = p.variance(steps); // recomputed per run where derived, so trained updates count
            INDArray out = alloc(outShape);
            // arguments: apply gamma, apply beta, the channel axis; epsilon
            steps.add(NativeStep.of("batchnorm", new INDArray[]{in, p.mean(), variance, p.gamma(), p.beta()}, out,
                    new long[]{1, 1, 1}, p.eps()));
            return out;
        }

        private static INDArray dense(BaseLayer d, org.deeplearning4j.nn.api.Layer layer, INDArray in, long[] outShape,
                                      List<NativeStep> steps) throws Unsupported {
            if (d instanceof DenseLayer dense && dense.hasLayerNorm()) throw unsupported(d, "layer norm");
            boolean bias = d instanceof DenseLayer dense ? dense.hasBias() : ((OutputLayer) d).hasBias();
            INDArray out = alloc(outShape);
            INDArray w = layer.getParam("W");
            // xw_plus_b on libnd4j's own kernel: oneDNN's took 20-105 us against 5-14; a bare matmul is the
            // other way round (strong's 1600x128: oneDNN 24-36 us, libnd4j 67-70), so it keeps oneDNN
            steps.add(bias ? NativeStep.of("xw_plus_b", new INDArray[]{in, w, NativeStep.vector(layer.getParam("b"))}, out,
                    new long[0]).helpers(DENSE_HELPERS) : NativeStep.of("matmul", new INDArray[]{in, w}, out,
                    new long[0]));
            activation(d.getActivationFn(), out, out, steps);
            return out;
        }

        private static void activation(IActivation fn, INDArray in, INDArray out, List<NativeStep> steps)
                throws Unsupported {
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
                throw new Unsupported("activation " + fn);
            }
        }

        /** libnd4j's window arguments: kernel, stride, padding, dilation, same-mode, then {@code extra}. */
        private static long[] window(Layer conf, int[] k, int[] s, int[] p, int[] d, ConvolutionMode mode, long... extra)
                throws Unsupported {
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

        private static INDArray alloc(long[] shape) {
            return Nd4j.create(DataType.FLOAT, shape, 'c');
        }

        private static Unsupported unsupported(Layer conf, String what) {
            return new Unsupported(what + " in " + conf.getClass().getSimpleName()
                    + (conf.getLayerName() == null ? "" : " '" + conf.getLayerName() + "'"));
        }
    }
}
