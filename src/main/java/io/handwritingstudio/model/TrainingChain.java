package io.handwritingstudio.model;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMultiplication;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.api.ops.random.impl.BernoulliDistribution;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One training iteration's forward and backward pass for a fixed batch size, as libnd4j ops bound once to
 * pre-allocated arrays, to views of the network's parameters and to views of its gradient array, channels last. The
 * gradient it writes is the one DL4J's {@code computeGradientAndScore()} writes (DirectTrainingTest compares them);
 * {@link DirectTraining} hands it to the network's own updater. DL4J's {@code fit} spends about as long again as the
 * ops themselves in per-layer Java work, workspaces and oneDNN's reorders to and from channels first
 * (docs/BENCHMARKS.md, "Seventh pass"). Built only for the layers below; anything else is {@link
 * DirectForward.Unsupported} and trains through {@code fit}.
 */
final class TrainingChain {
    static final double TOLERANCE = 1e-4;
    /** The layers whose own code applies their input dropout in DL4J 1.0.0-M2.1 (BaseLayer.preOutput, DropoutLayer). */
    private static final java.util.Set<Class<?>> DROPOUT_APPLIED = java.util.Set.of(ConvolutionLayer.class,
            DenseLayer.class, OutputLayer.class, DropoutLayer.class);
    private final MultiLayerNetwork network;
    private final INDArray features;
    private final INDArray labels;
    private final Gradient gradient;
    /** Legacy ops run before the forward pass (dropout masks) and after it (ReLU's gradient masks). */
    private final List<Op> beforeForward = new ArrayList<>();
    private final List<Runnable> afterForward = new ArrayList<>();
    private final List<NativeStep> forward = new ArrayList<>();
    private final List<NativeStep> backward = new ArrayList<>();
    private final List<INDArray> dropoutMasks = new ArrayList<>();
    private INDArray probabilities;

    /** The backward half of a bound step: appends its ops for the gradient of its output, returns its input's. */
    private interface Backward {
        INDArray bind(INDArray gradOut, boolean inputGradient);
    }

    private record Bound(INDArray out, Backward backward) {
    }

    private TrainingChain(MultiLayerNetwork network, int batch, long inputLength) {
        this.network = network;
        this.features = Nd4j.create(DataType.FLOAT, new long[]{batch, inputLength}, 'c');
        this.labels = Nd4j.create(DataType.FLOAT, new long[]{batch, network.layerSize(network.getnLayers() - 1)}, 'c');
        this.gradient = new DefaultGradient(network.getFlattenedGradients());
    }

    /** Binds the network's training pass for {@code batch} images and checks its forward pass against {@code output()}. */
    static TrainingChain bind(MultiLayerNetwork network, int batch) throws DirectForward.Unsupported {
        if (network.getLayerWiseConfigurations().getBackpropType() != BackpropType.Standard) {
            throw new DirectForward.Unsupported("truncated backpropagation");
        }
        if (network.getLayerWiseConfigurations().getDataType() != DataType.FLOAT) {
            throw new DirectForward.Unsupported(network.getLayerWiseConfigurations().getDataType() + " parameters");
        }
        long inputLength = network.layerInputSize(0);
        if (network.getLayerWiseConfigurations().getInputPreProcess(0) instanceof FeedForwardToCnnPreProcessor f) {
            inputLength = f.getInputHeight() * f.getInputWidth() * f.getNumChannels();
        }
        TrainingChain chain = new TrainingChain(network, batch, inputLength);
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            List<INDArray> reference = network.feedForward(noise(new long[]{batch, inputLength}), false);
            List<Backward> steps = new ArrayList<>();
            INDArray current = chain.features;
            for (int i = 0; i < network.getnLayers(); i++) {
                Layer layer = network.getLayer(i);
                for (Bound b : new Bound[]{chain.preprocess(network.getLayerWiseConfigurations().getInputPreProcess(i), current, i),
                        chain.dropout(layer.conf().getLayer(), current)}) {
                    if (b == null) continue;
                    current = b.out();
                    steps.add(b.backward());
                }
                Bound own = chain.layer(layer, i, current, reference.get(i + 1).shape());
                current = own.out();
                steps.add(own.backward());
            }
            chain.probabilities = current;
            chain.bindBackward(steps);
            chain.check(); // runs the ops: one libnd4j refuses fails here, and the network trains through fit
        } catch (RuntimeException e) {
            throw new DirectForward.Unsupported("could not bind the training ops: " + e.getMessage());
        }
        return chain;
    }

    int batchSize() {
        return (int) features.size(0);
    }

    /** The gradient this chain writes: views of the network's gradient array, named as DL4J's updater splits them. */
    Gradient gradient() {
        return gradient;
    }

    /**
     * Writes the gradient of the summed loss for one batch into the network's gradient array (as DL4J's backprop does;
     * its updater divides by the batch size) and returns the mean loss, as {@code score()} reports it.
     */
    double computeGradient(INDArray batchFeatures, INDArray batchLabels) {
        features.assign(batchFeatures.reshape(features.shape()));
        labels.assign(batchLabels);
        for (Op op : beforeForward) Nd4j.getExecutioner().exec(op);
        for (NativeStep step : forward) step.run();
        for (Runnable r : afterForward) r.run();
        for (NativeStep step : backward) step.run();
        return meanLoss();
    }

    /** Multi-class cross-entropy as DL4J's LossMCXENT computes it (probabilities clipped at 1e-10), per image. */
    private double meanLoss() {
        float[] p = probabilities.data().asFloat();
        float[] y = labels.data().asFloat();
        double sum = 0;
        for (int i = 0; i < p.length; i++) if (y[i] != 0) sum -= y[i] * Math.log(Math.max(p[i], 1e-10));
        return sum / features.size(0);
    }

    private void bindBackward(List<Backward> steps) {
        INDArray grad = Nd4j.create(DataType.FLOAT, probabilities.shape(), 'c');
        // softmax with multi-class cross-entropy: dL/dz = p - y per image, the output layer's pre-activation gradient
        backward.add(NativeStep.of("subtract", new INDArray[]{probabilities, labels}, grad, new long[0]));
        for (int i = steps.size() - 1; i >= 0; i--) grad = steps.get(i).bind(grad, i > 0);
    }

    /**
     * The forward pass without dropout must give what DL4J's training-mode forward pass gives (batch statistics in batch
     * norm): on a copy of the network without dropout, so that neither the network nor ND4J's random stream moves.
     */
    private void check() throws DirectForward.Unsupported {
        INDArray x = noise(features.shape());
        features.assign(x);
        for (INDArray mask : dropoutMasks) mask.assign(1);
        for (NativeStep step : forward) step.run();
        MultiLayerConfiguration conf = network.getLayerWiseConfigurations().clone(); // a deep copy: the network keeps its dropout
        for (NeuralNetConfiguration layer : conf.getConfs()) layer.getLayer().setIDropout(null);
        MultiLayerNetwork copy = new MultiLayerNetwork(conf);
        copy.init(network.params().dup(), false);
        List<INDArray> expected = copy.feedForward(x, true);
        double diff = expected.get(expected.size() - 1).sub(probabilities).amaxNumber().doubleValue();
        if (!(diff < TOLERANCE)) throw new DirectForward.Unsupported("training pass differs from DL4J's by " + diff);
    }

    /** Random pixels from a generator of its own: building must not move ND4J's, which draws the dropout masks. */
    private static INDArray noise(long[] shape) {
        SplittableRandom random = new SplittableRandom(16);
        float[] values = new float[Math.toIntExact(shape[0] * shape[1])];
        for (int i = 0; i < values.length; i++) values[i] = (float) random.nextDouble();
        return Nd4j.create(values, shape, 'c');
    }

    private Bound preprocess(InputPreProcessor pre, INDArray in, int index) throws DirectForward.Unsupported {
        if (pre == null) return null;
        if (pre instanceof FeedForwardToCnnPreProcessor f && index == 0 && f.getNumChannels() == 1) {
            // one channel: a flat image is already channels last
            INDArray image = in.reshape('c', in.size(0), f.getInputHeight(), f.getInputWidth(), 1);
            return new Bound(image, (g, needed) -> g.reshape('c', in.shape()));
        }
        if (pre instanceof CnnToFeedForwardPreProcessor c && c.getFormat() == CNN2DFormat.NCHW) {
            // dense weights expect DL4J's flattening order (channel, row, column)
            INDArray channelsFirst = Nd4j.create(DataType.FLOAT, new long[]{in.size(0), in.size(3), in.size(1), in.size(2)}, 'c');
            forward.add(NativeStep.of("permute", new INDArray[]{in}, channelsFirst, new long[]{0, 3, 1, 2}));
            INDArray flat = channelsFirst.reshape('c', in.size(0), in.length() / in.size(0));
            return new Bound(flat, (g, needed) -> {
                INDArray back = Nd4j.create(DataType.FLOAT, in.shape(), 'c');
                backward.add(NativeStep.of("permute", new INDArray[]{g.reshape('c', channelsFirst.shape())}, back,
                        new long[]{0, 2, 3, 1}));
                return back;
            });
        }
        throw new DirectForward.Unsupported("input preprocessor " + pre.getClass().getSimpleName());
    }

    /**
     * DL4J's inverted dropout on a layer's input: kept units scaled by 1/p, a new mask every iteration. DL4J applies
     * it in convolution, dense, output and dropout layers only; set on pooling, batch norm or an activation layer it
     * does nothing in {@code fit}, and nothing here either (NetworkFactory gives those a dropout layer of their own).
     */
    private Bound dropout(org.deeplearning4j.nn.conf.layers.Layer conf, INDArray in) throws DirectForward.Unsupported {
        if (conf.getIDropout() == null || !DROPOUT_APPLIED.contains(conf.getClass())) return null;
        if (conf.getIDropout().getClass() != Dropout.class || ((Dropout) conf.getIDropout()).getPSchedule() != null) {
            throw new DirectForward.Unsupported("dropout " + conf.getIDropout());
        }
        double retain = ((Dropout) conf.getIDropout()).getP();
        INDArray mask = Nd4j.create(DataType.FLOAT, in.shape(), 'c');
        // drawn in DL4J's layout, so that a seeded run drops the units fit() drops
        INDArray drawn = in.rank() == 4 ? Nd4j.create(DataType.FLOAT, new long[]{in.size(0), in.size(3), in.size(1), in.size(2)}, 'c') : mask;
        dropoutMasks.add(drawn);
        beforeForward.add(new BernoulliDistribution(drawn, retain));
        beforeForward.add(new ScalarMultiplication(drawn, 1 / retain));
        if (drawn != mask) forward.add(NativeStep.of("permute", new INDArray[]{drawn}, mask, new long[]{0, 2, 3, 1}));
        INDArray out = Nd4j.create(DataType.FLOAT, in.shape(), 'c');
        forward.add(NativeStep.of("multiply", new INDArray[]{in, mask}, out, new long[0]));
        return new Bound(out, (g, needed) -> {
            backward.add(NativeStep.of("multiply", new INDArray[]{g, mask}, g, new long[0]));
            return g;
        });
    }

    private Bound layer(Layer layer, int index, INDArray in, long[] outShape) throws DirectForward.Unsupported {
        org.deeplearning4j.nn.conf.layers.Layer conf = layer.conf().getLayer();
        if (conf instanceof BaseLayer b) {
            if (b.getWeightNoise() != null) throw LayerOps.unsupported(conf, "weight noise");
            if (!b.getRegularization().isEmpty() || !b.getRegularizationBias().isEmpty()) throw LayerOps.unsupported(conf, "regularization");
        }
        if (conf.getConstraints() != null && !conf.getConstraints().isEmpty()) throw LayerOps.unsupported(conf, "constraints");
        Class<?> type = conf.getClass();
        if (type == ConvolutionLayer.class) return convolution((ConvolutionLayer) conf, params(layer, index), in, outShape);
        if (type == SubsamplingLayer.class) return pooling((SubsamplingLayer) conf, in, outShape);
        if (type == DenseLayer.class && !((DenseLayer) conf).hasLayerNorm()) {
            return dense((BaseLayer) conf, params(layer, index), in, outShape);
        }
        if (type == BatchNormalization.class) return batchNorm((BatchNormalization) conf, layer, index, in);
        if (type == OutputLayer.class) return output((OutputLayer) conf, params(layer, index), in, outShape);
        if (type == DropoutLayer.class) return new Bound(in, (g, needed) -> g); // its mask is bound before it, as its input's
        if (type == ActivationLayer.class) {
            INDArray out = Nd4j.create(DataType.FLOAT, in.shape(), 'c');
            return new Bound(out, activation(conf, ((ActivationLayer) conf).getActivationFn(), in, out, (g, needed) -> g));
        }
        throw LayerOps.unsupported(conf, "layer type");
    }

    /** A layer's parameters and, under the same names, the views of the network's gradient array it writes. */
    private record Params(Map<String, INDArray> values, Map<String, INDArray> gradients) {
        INDArray w() {
            return values.get("W");
        }

        INDArray b() {
            return values.containsKey("b") ? NativeStep.vector(values.get("b")) : null;
        }

        INDArray gradW() {
            return gradients.get("W");
        }

        INDArray gradB() {
            return NativeStep.vector(gradients.get("b"));
        }
    }

    private Params params(Layer layer, int index) {
        Map<String, INDArray> grads = layer.conf().getLayer().initializer()
                .getGradientsFromFlattened(layer.conf(), layer.getGradientsViewArray());
        // the updater splits the flat gradient by these names ("0_W", "0_b", ...)
        grads.forEach((name, view) -> gradient.setGradientFor(index + "_" + name, view));
        return new Params(layer.paramTable(), grads);
    }

    private Bound convolution(ConvolutionLayer c, Params p, INDArray in, long[] outShape) throws DirectForward.Unsupported {
        if (c.getCnn2dDataFormat() != CNN2DFormat.NCHW) throw LayerOps.unsupported(c, "channels-last format");
        INDArray out = channelsLast(outShape);
        // channels last (1), weights in DL4J's [out, in, kH, kW] (1): the weight gradient lands in DL4J's layout
        long[] args = LayerOps.window(c, c.getKernelSize(), c.getStride(), c.getPadding(), c.getDilation(),
                c.getConvolutionMode(), 1, 1);
        INDArray b = c.hasBias() ? p.b() : null;
        forward.add(NativeStep.of("conv2d", b != null ? new INDArray[]{in, p.w(), b} : new INDArray[]{in, p.w()}, out, args));
        return new Bound(out, activation(c, c.getActivationFn(), out, out, (g, needed) -> {
            INDArray gradIn = Nd4j.create(DataType.FLOAT, in.shape(), 'c'); // oneDNN computes it even for the first layer
            INDArray[] inputs = b != null ? new INDArray[]{in, p.w(), b, g} : new INDArray[]{in, p.w(), g};
            INDArray[] outputs = b != null ? new INDArray[]{gradIn, p.gradW(), p.gradB()} : new INDArray[]{gradIn, p.gradW()};
            backward.add(NativeStep.of("conv2d_bp", inputs, outputs, args));
            return gradIn;
        }));
    }

    private Bound pooling(SubsamplingLayer s, INDArray in, long[] outShape) throws DirectForward.Unsupported {
        LayerOps.PoolingOp pool = LayerOps.PoolingOp.of(s, 1);
        INDArray out = channelsLast(outShape);
        forward.add(NativeStep.of(pool.name(), new INDArray[]{in}, out, pool.args()));
        return new Bound(out, (g, needed) -> {
            INDArray gradIn = Nd4j.create(DataType.FLOAT, in.shape(), 'c');
            backward.add(NativeStep.of(pool.name() + "_bp", new INDArray[]{in, g}, gradIn, pool.args()));
            return gradIn;
        });
    }

    /**
     * Batch norm with the batch's own mean and (biased) variance over every axis but the channels, as row-wise
     * arithmetic on the input seen as [images x positions, channels] (channels last makes that a plain view): column
     * sums as products with a row of ones, the rest element-wise with broadcasting. libnd4j's {@code moments} and
     * {@code batchnorm_bp} on channels last took 3.2 and 14.9 ms of a 83 ms {@code strong} iteration for its first
     * layer alone (docs/BENCHMARKS.md, "Seventh pass"). The running statistics move as DL4J moves them,
     * {@code decay * running + (1 - decay) * batch} for the mean and the variance (DL4J keeps the latter as log10 of
     * the standard deviation), written as a "gradient" that the step subtracts: DL4J's updater neither changes nor
     * divides these two (they are not trained).
     */
    private Bound batchNorm(BatchNormalization conf, Layer layer, int index, INDArray in) throws DirectForward.Unsupported {
        if (conf.isLockGammaBeta()) throw LayerOps.unsupported(conf, "locked gamma and beta");
        if (conf.getCnn2DFormat() != CNN2DFormat.NCHW) throw LayerOps.unsupported(conf, "channels-last format");
        if (!conf.isMinibatch()) throw LayerOps.unsupported(conf, "full-batch statistics");
        Params p = params(layer, index);
        long channels = in.size(in.rank() - 1);
        long rows = in.length() / channels;
        INDArray x = in.reshape('c', rows, channels);
        INDArray ones = Nd4j.ones(DataType.FLOAT, 1, rows);
        INDArray perRow = Nd4j.scalar(DataType.FLOAT, 1.0 / rows);
        INDArray mean = row(channels);
        INDArray variance = row(channels);
        INDArray scale = row(channels);
        INDArray centred = Nd4j.create(DataType.FLOAT, new long[]{rows, channels}, 'c');
        INDArray scratch = Nd4j.create(DataType.FLOAT, new long[]{rows, channels}, 'c');
        INDArray normalised = Nd4j.create(DataType.FLOAT, new long[]{rows, channels}, 'c');
        INDArray gamma = p.values().get("gamma").reshape('c', 1, channels);
        INDArray beta = p.values().get("beta").reshape('c', 1, channels);
        forward.add(binary("matmul", ones, x, mean));
        forward.add(binary("multiply", mean, perRow, mean));
        forward.add(binary("subtract", x, mean, centred));
        forward.add(binary("multiply", centred, centred, scratch));
        forward.add(binary("matmul", ones, scratch, variance));
        forward.add(binary("multiply", variance, perRow, variance));
        forward.add(binary("add", variance, Nd4j.scalar(DataType.FLOAT, conf.getEps()), scale));
        forward.add(binary("Pow", scale, Nd4j.scalar(DataType.FLOAT, -0.5), scale)); // 1 / std
        forward.add(binary("multiply", centred, scale, normalised));
        INDArray out = Nd4j.create(DataType.FLOAT, in.shape(), 'c');
        INDArray out2d = out.reshape('c', rows, channels);
        forward.add(binary("multiply", normalised, gamma, out2d));
        forward.add(binary("add", out2d, beta, out2d));
        runningStatistics(conf, p, mean.reshape(channels), variance.reshape(channels));
        return new Bound(out, (g, needed) -> {
            // dx = gamma / std * (g - sum(g) / n - xhat * sum(g * xhat) / n), with the sums over the rows
            INDArray g2 = g.reshape('c', rows, channels);
            INDArray gradBeta = p.gradients().get("beta").reshape('c', 1, channels);
            INDArray gradGamma = p.gradients().get("gamma").reshape('c', 1, channels);
            INDArray meanGrad = row(channels);
            INDArray meanGradXhat = row(channels);
            INDArray gradIn = Nd4j.create(DataType.FLOAT, in.shape(), 'c');
            INDArray gradIn2d = gradIn.reshape('c', rows, channels);
            backward.add(binary("matmul", ones, g2, gradBeta));
            backward.add(binary("multiply", g2, normalised, scratch));
            backward.add(binary("matmul", ones, scratch, gradGamma));
            backward.add(binary("multiply", gradBeta, perRow, meanGrad));
            backward.add(binary("multiply", gradGamma, perRow, meanGradXhat));
            backward.add(binary("multiply", normalised, meanGradXhat, scratch));
            backward.add(binary("subtract", g2, scratch, gradIn2d));
            backward.add(binary("subtract", gradIn2d, meanGrad, gradIn2d));
            backward.add(binary("multiply", scale, gamma, meanGrad)); // meanGrad is free again: gamma / std
            backward.add(binary("multiply", gradIn2d, meanGrad, gradIn2d));
            return gradIn;
        });
    }

    private static NativeStep binary(String op, INDArray a, INDArray b, INDArray out) {
        return NativeStep.of(op, new INDArray[]{a, b}, out, new long[0]);
    }

    private static INDArray row(long channels) {
        return Nd4j.create(DataType.FLOAT, new long[]{1, channels}, 'c');
    }

    /** Appends the ops that write the running statistics' steps (see {@link #batchNorm}). */
    private void runningStatistics(BatchNormalization conf, Params p, INDArray batchMean, INDArray batchVariance) {
        INDArray take = Nd4j.scalar(DataType.FLOAT, 1 - conf.getDecay());
        INDArray meanStep = NativeStep.vector(p.gradients().get("mean"));
        // running - (decay * running + (1 - decay) * batch) = (1 - decay) * (running - batch)
        forward.add(binary("subtract", NativeStep.vector(p.values().get("mean")), batchMean, meanStep));
        forward.add(binary("multiply", meanStep, take, meanStep));
        String spread = conf.isUseLogStd() ? "log10stdev" : "var";
        INDArray stored = NativeStep.vector(p.values().get(spread));
        INDArray spreadStep = NativeStep.vector(p.gradients().get(spread));
        if (!conf.isUseLogStd()) {
            forward.add(binary("subtract", stored, batchVariance, spreadStep));
            forward.add(binary("multiply", spreadStep, take, spreadStep));
            return;
        }
        // The new variance is decay * v + (1 - decay) * batch for the running v = 100^log10(std), so the step down in
        // log10(std) is -log10(new / v) / 2, with new / v - 1 = (1 - decay) * (batch / v - 1). As a ratio near 1
        // through log1p (libnd4j has no plain log op), it stays exact where the variance itself is tiny, as DL4J's does.
        INDArray ratio = Nd4j.create(DataType.FLOAT, stored.length());
        forward.add(binary("Pow", Nd4j.scalar(DataType.FLOAT, 100f), stored, ratio));
        forward.add(binary("divide", batchVariance, ratio, ratio));
        forward.add(binary("subtract", ratio, Nd4j.scalar(DataType.FLOAT, 1f), ratio));
        forward.add(binary("multiply", ratio, take, ratio));
        forward.add(NativeStep.of("log1p", ratio, ratio));
        forward.add(binary("multiply", ratio, Nd4j.scalar(DataType.FLOAT, (float) (-0.5 / Math.log(10))), spreadStep));
    }

    private Bound dense(BaseLayer d, Params p, INDArray in, long[] outShape) throws DirectForward.Unsupported {
        INDArray out = Nd4j.create(DataType.FLOAT, outShape, 'c');
        forward.add(NativeStep.of("matmul", new INDArray[]{in, p.w()}, out, new long[0]));
        boolean bias = ((DenseLayer) d).hasBias();
        if (bias) forward.add(NativeStep.of("add", new INDArray[]{out, p.b()}, out, new long[0]));
        return new Bound(out, activation(d, d.getActivationFn(), out, out, (g, needed) -> denseBackward(p, bias, in, g, needed)));
    }

    private Bound output(OutputLayer o, Params p, INDArray in, long[] outShape) throws DirectForward.Unsupported {
        if (!(o.getLossFn() instanceof LossMCXENT loss) || loss.getWeights() != null || !(o.getActivationFn() instanceof ActivationSoftmax)) {
            throw LayerOps.unsupported(o, "loss " + o.getLossFn() + " with " + o.getActivationFn());
        }
        INDArray z = Nd4j.create(DataType.FLOAT, outShape, 'c');
        forward.add(NativeStep.of("matmul", new INDArray[]{in, p.w()}, z, new long[0]));
        if (o.hasBias()) forward.add(NativeStep.of("add", new INDArray[]{z, p.b()}, z, new long[0]));
        INDArray out = Nd4j.create(DataType.FLOAT, outShape, 'c');
        forward.add(NativeStep.of("softmax", z, out));
        // the gradient it is given is already the pre-softmax one (bindBackward)
        return new Bound(out, (g, needed) -> denseBackward(p, o.hasBias(), in, g, needed));
    }

    /** The weight and bias gradients of {@code in x W + b}, and its input's gradient where {@code needed}. */
    private INDArray denseBackward(Params p, boolean bias, INDArray in, INDArray g, boolean needed) {
        INDArray gradW = p.gradW();
        // DL4J keeps dense weights column-major: their transpose is a row-major [out, in] array in the same memory
        if (gradW.ordering() == 'f') backward.add(NativeStep.of("matmul", new INDArray[]{g, in}, gradW.transpose(), new long[]{1, 0, 0}));
        else backward.add(NativeStep.of("matmul", new INDArray[]{in, g}, gradW, new long[]{1, 0, 0}));
        if (bias) backward.add(NativeStep.of("reduce_sum", new INDArray[]{g}, p.gradB(), new long[]{0}));
        if (!needed) return null;
        INDArray gradIn = Nd4j.create(DataType.FLOAT, in.shape(), 'c');
        backward.add(NativeStep.of("matmul", new INDArray[]{g, p.w()}, gradIn, new long[]{0, 1, 0}));
        return gradIn;
    }

    /**
     * Binds {@code fn} from {@code in} to {@code out} (in place where they are one array); its backward multiplies the
     * gradient by ReLU's step, taken from the output after each forward pass, before {@code inner} goes on.
     */
    private Backward activation(org.deeplearning4j.nn.conf.layers.Layer conf, IActivation fn, INDArray in, INDArray out,
                                Backward inner) throws DirectForward.Unsupported {
        if (fn instanceof ActivationIdentity) {
            if (in != out) forward.add(NativeStep.of("identity", in, out));
            return inner;
        }
        if (!FastReLU.isPlainReLU(fn)) throw LayerOps.unsupported(conf, "activation " + fn);
        forward.add(NativeStep.of("relu", in, out, 0.0));
        INDArray step = Nd4j.create(DataType.FLOAT, out.shape(), 'c');
        Op stepOp = new Step(out, step, 0.0);
        afterForward.add(() -> Nd4j.getExecutioner().exec(stepOp));
        return (g, needed) -> {
            backward.add(NativeStep.of("multiply", new INDArray[]{g, step}, g, new long[0]));
            return inner.bind(g, needed);
        };
    }

    /** An array of DL4J's channels-first {@code shape} laid out channels last. */
    private static INDArray channelsLast(long[] shape) {
        return Nd4j.create(DataType.FLOAT, new long[]{shape[0], shape[2], shape[3], shape[1]}, 'c');
    }
}
