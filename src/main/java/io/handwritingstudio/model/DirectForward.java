package io.handwritingstudio.model;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The forward pass of a fixed batch (one image: drawing pad, {@code predict}, "Inside the network"; 64: evaluation and
 * other batches) as a fixed chain of libnd4j ops. {@code network.output()} spends much of its time around the maths:
 * workspace set-up, per-op Java objects, shape inference, array allocation and oneDNN's layout reorders on every call.
 * Here every op is bound once to pre-allocated arrays and to views of the network's own parameters, or to copies that
 * are recomputed when the network has trained, and a call is one native call per op. Built only for layers it knows,
 * and only kept if its output matches {@code output()} at build time; otherwise {@link Unsupported} and the caller
 * uses {@code output()}. Not thread-safe: callers hold the model's lock.
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
    private final int threads;
    /** {@code -Dhws.directForward.channelsLast=false}: the prediction chain in DL4J's channels-first layout (for measuring). */
    static final String CHANNELS_LAST = "hws.directForward.channelsLast";

    private final MultiLayerNetwork network;
    /** The parameters' native address at build time (the chain's ops hold views of that storage). */
    private final long paramsAtBuild;
    /** The input followed by every layer's output (one image only; a batch chain has just its input). */
    private final List<INDArray> activations;
    private final FloatBuffer in;
    private final FloatBuffer out;
    /** Every layer's op, for {@link #activations} ("Inside the network" shows each layer's output). */
    private final NativeStep[] steps;
    /**
     * The same forward pass with each (layer, batch norm) pair folded into one op, channels last where the network
     * allows it, for {@link #run}.
     */
    private final NativeStep[] predictSteps;
    /** The prediction chain's ops, which own its folded and re-laid-out copies of the parameters. */
    private final LayerOps prediction;
    private int refreshedAtIteration;
    private int refreshedAtEpoch;

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
                          LayerOps prediction, INDArray predictionOutput) {
        this.network = network;
        // a batch keeps the caller's threads: its ops are big enough to share out (docs/BENCHMARKS.md)
        this.threads = activations.get(0).size(0) == 1 ? Integer.getInteger(THREADS, 1) : 0;
        this.paramsAtBuild = storage(network.params());
        this.activations = List.copyOf(activations);
        this.in = activations.get(0).data().asNioFloat();
        this.out = predictionOutput.data().asNioFloat();
        this.steps = steps.toArray(NativeStep[]::new);
        this.prediction = prediction;
        this.predictSteps = prediction.steps().toArray(NativeStep[]::new);
        this.refreshedAtIteration = network.getIterationCount();
        this.refreshedAtEpoch = network.getEpochCount();
    }

    /**
     * Builds the chain for an input of {@code inputShape} and checks it against {@code output()}. For one image it
     * also binds every layer's own output ({@link #activations}); a batch gets the prediction chain only.
     */
    static DirectForward build(MultiLayerNetwork network, long[] inputShape) throws Unsupported {
        if (!enabled()) throw new Unsupported("turned off by -D" + PROPERTY + "=false");
        DirectForward direct;
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            direct = plan(network, inputShape);
        } catch (RuntimeException e) {
            throw new Unsupported("could not bind the ops: " + e.getMessage());
        }
        try {
            direct.check(inputShape); // runs the ops: one libnd4j refuses fails here, and the caller uses output()
        } catch (RuntimeException e) {
            throw new Unsupported("could not run the ops: " + e.getMessage());
        }
        return direct;
    }

    /** The prediction chain's layout: "channels last", or "channels first" where a layer cannot take the other. */
    String layout() {
        return prediction.channelsLastLayout() ? "channels last" : "channels first";
    }

    /** Whether the network still has the parameter array this chain was built on. */
    boolean current() {
        // The storage, not the array: for a network initialised with a [1, n] parameter array params() returns a new
        // reshaped view on every call (model files were read that way until ModelZip changed), which made every single
        // image rebuild this chain (20-30 ms instead of 0.3-0.7). The address holds for any shape.
        return storage(network.params()) == paramsAtBuild;
    }

    /** Where an array's first element lives in native memory. */
    static long storage(INDArray a) {
        return a.data().address() + a.offset() * a.data().getElementSize();
    }

    /** The last layer's output (class probabilities, one row per image) for the batch packed in {@code pixels}. */
    float[] run(float[] pixels) {
        refreshIfTrained();
        forward(pixels, predictSteps);
        float[] result = new float[out.capacity()];
        out.clear();
        out.get(result);
        return result;
    }

    /** The input followed by every layer's output, valid until the next call (a chain of one image only). */
    List<INDArray> activations(float[] pixels) {
        if (steps.length == 0) throw new IllegalStateException("a batch chain binds no layer outputs");
        forward(pixels, steps);
        return activations;
    }

    /** Training updates the parameters in place (the ops that read views see that) but not the prediction's copies. */
    private void refreshIfTrained() {
        if (network.getIterationCount() == refreshedAtIteration && network.getEpochCount() == refreshedAtEpoch) return;
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            prediction.refresh();
        }
        refreshedAtIteration = network.getIterationCount();
        refreshedAtEpoch = network.getEpochCount();
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
            float[] expected = network.output(Nd4j.create(pixels, inputShape, 'c'), false).dup('c').data().asFloat();
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
        LayerOps ops = LayerOps.channelsFirst();
        List<INDArray> acts = new ArrayList<>();
        INDArray input = Nd4j.create(DataType.FLOAT, inputShape, 'c');
        INDArray current = input;
        acts.add(current);
        for (int i = 0; i < network.getnLayers() && inputShape[0] == 1; i++) {
            current = ops.preprocess(network.getLayerWiseConfigurations().getInputPreProcess(i), current);
            org.deeplearning4j.nn.api.Layer layer = network.getLayer(i);
            current = ops.bind(layer.conf().getLayer(), layer, current, reference.get(i + 1).shape());
            acts.add(current);
        }
        boolean channelsLast = !"false".equalsIgnoreCase(System.getProperty(CHANNELS_LAST));
        LayerOps prediction = channelsLast ? LayerOps.channelsLast() : LayerOps.channelsFirst();
        INDArray output;
        try {
            output = predictionChain(network, input, reference, prediction);
        } catch (Unsupported e) {
            prediction = LayerOps.channelsFirst();
            output = predictionChain(network, input, reference, prediction);
        }
        return new DirectForward(network, acts, ops.steps(), prediction, output);
    }

    /** The forward pass again from the same input array into {@code ops}, each foldable (layer, batch norm) pair as one op. */
    private static INDArray predictionChain(MultiLayerNetwork network, INDArray input, List<INDArray> reference,
                                            LayerOps ops) throws Unsupported {
        INDArray current = input;
        int n = network.getnLayers();
        for (int i = 0; i < n; i++) {
            current = ops.preprocess(network.getLayerWiseConfigurations().getInputPreProcess(i), current);
            org.deeplearning4j.nn.api.Layer layer = network.getLayer(i);
            BatchNormFold fold = i + 1 < n && network.getLayerWiseConfigurations().getInputPreProcess(i + 1) == null
                    ? BatchNormFold.of(layer, network.getLayer(i + 1)) : null;
            if (fold == null) {
                current = ops.bind(layer.conf().getLayer(), layer, current, reference.get(i + 1).shape());
                continue;
            }
            current = ops.folded(fold, layer.conf().getLayer(), current, reference.get(i + 2).shape());
            i++;
        }
        return current;
    }
}
