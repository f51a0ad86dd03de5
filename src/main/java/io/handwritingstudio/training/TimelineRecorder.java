package io.handwritingstudio.training;

import io.handwritingstudio.inference.Ranking;
import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.data.MnistFormat;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;

/**
 * Takes the timeline's snapshots while a {@link Trainer} runs: before the first step, after iterations 10, 50 and
 * 200 (where the early, fast changes happen), and at every epoch end. Each costs one forward pass over 32 probe
 * images and a confusion sample of 200 test images (about 40 ms for the classic network on 2 cores) and a copy of
 * the first layer's weights; epoch ends reuse the test predictions the trainer makes anyway. A run resumed from a
 * checkpoint continues the timeline its first run recorded ({@link #continuing}).
 */
final class TimelineRecorder {
    static final long[] EARLY_ITERATIONS = {0, 10, 50, 200};
    static final int PROBES = 32;
    /** 200 images: 20 a class for digits, enough to see the matrix gather on its diagonal; 500 cost 2.5x the time. */
    static final int CONFUSION_SAMPLE = 200;
    /** A dense first layer has one 28x28 weight picture per unit; the first 32 are enough to see them change. */
    private static final int MAX_FILTERS = 64;

    private final LabeledImages probes;
    private final LabeledImages confusionSample;
    private final List<TimelineSnapshot> snapshots = new ArrayList<>();
    private double recentLoss = Double.NaN;
    private long nanos;
    private long iterationNanos;
    private int iterationSnapshots;
    /** Snapshots taken over from the checkpoint's run. */
    private int carried;

    TimelineRecorder(LabeledImages test, long seed) {
        int[] order = new BatchSource(test, 1, seed, null).order(0);
        this.probes = test.select(java.util.Arrays.copyOf(order, Math.min(PROBES, order.length)));
        this.confusionSample = test.select(java.util.Arrays.copyOfRange(order, 0, Math.min(CONFUSION_SAMPLE, order.length)));
    }

    /**
     * A recorder that goes on from {@code earlier}'s snapshots, or null when they do not lead into this run: taken on
     * other probe images (another test set or seed), or ending elsewhere than epoch {@code epochsDone} after
     * {@code iterationsBefore} iterations (the batch size or the training set changed), since two runs' snapshots
     * would then not read as one timeline.
     */
    static TimelineRecorder continuing(LabeledImages test, long seed, TrainingTimeline earlier, int epochsDone,
                                       long iterationsBefore) {
        TimelineRecorder recorder = new TimelineRecorder(test, seed);
        TrainingTimeline fresh = recorder.timeline();
        List<TimelineSnapshot> before = earlier.snapshots();
        TimelineSnapshot last = before.isEmpty() ? null : before.get(before.size() - 1);
        if (last == null || !last.label().equals("epoch " + epochsDone) || last.iteration() != iterationsBefore
                || !fresh.classNames().equals(earlier.classNames())
                || !java.util.Arrays.equals(fresh.probeLabels(), earlier.probeLabels())
                || !java.util.Arrays.equals(fresh.probePixels(), earlier.probePixels())) return null;
        recorder.snapshots.addAll(before);
        recorder.carried = before.size();
        return recorder;
    }

    void onLoss(double loss) {
        recentLoss = Double.isNaN(recentLoss) ? loss : 0.9 * recentLoss + 0.1 * loss;
    }

    boolean wantsIteration(long iterationsDone) {
        for (long i : EARLY_ITERATIONS) if (i == iterationsDone) return true;
        return false;
    }

    void snapshotAtIteration(MultiLayerNetwork net, long iterationsDone, int perEpoch) {
        long start = System.nanoTime();
        // the probes are the sample's first images (same seeded order): one forward pass serves both
        float[][] out = predict(net, confusionSample);
        int[][] confusion = confusion(confusionSample, out);
        nanos += System.nanoTime() - start;
        snapshot(net, iterationsDone == 0 ? "start" : "iteration " + iterationsDone, iterationsDone,
                iterationsDone / (double) perEpoch, confusion, java.util.Arrays.copyOf(out, probes.size()));
        iterationNanos += System.nanoTime() - start;
        iterationSnapshots++;
    }

    void snapshotAtEpoch(MultiLayerNetwork net, int epoch, long iterationsDone, int[][] testConfusion) {
        long start = System.nanoTime();
        float[][] probeOut = predict(net, probes);
        nanos += System.nanoTime() - start;
        snapshot(net, "epoch " + epoch, iterationsDone, epoch, testConfusion, probeOut);
    }

    TrainingTimeline timeline() {
        int[] labels = new int[probes.size()];
        for (int i = 0; i < labels.length; i++) labels[i] = probes.label(i);
        return new TrainingTimeline(probes.classes().names(), probes.sharedPixels().clone(), labels, snapshots);
    }

    /** Seconds spent taking snapshots: what the timeline costs a run. */
    double seconds() {
        return nanos / 1e9;
    }

    /** Snapshots this run took (a resumed run's timeline also holds its checkpoint's). */
    int count() {
        return snapshots.size() - carried;
    }

    /** The cost split by kind: iteration snapshots run a confusion sample, epoch-end ones reuse the test pass. */
    TimelineCost cost() {
        return new TimelineCost(iterationSnapshots, iterationNanos / 1e9, count() - iterationSnapshots,
                (nanos - iterationNanos) / 1e9);
    }

    private void snapshot(MultiLayerNetwork net, String label, long iteration, double epochPosition, int[][] confusion,
                          float[][] out) {
        long start = System.nanoTime();
        int[] predicted = new int[out.length];
        float[] confidence = new float[out.length];
        for (int i = 0; i < out.length; i++) {
            predicted[i] = Ranking.argmax(out[i]);
            confidence[i] = out[i][predicted[i]];
        }
        long right = 0, total = 0;
        for (int t = 0; t < confusion.length; t++) {
            for (int p = 0; p < confusion.length; p++) {
                total += confusion[t][p];
                if (t == p) right += confusion[t][p];
            }
        }
        Filters filters = firstLayerFilters(net);
        snapshots.add(new TimelineSnapshot(label, iteration, epochPosition, filters.weights, filters.side, predicted,
                confidence, confusion, recentLoss, total == 0 ? Double.NaN : right / (double) total));
        nanos += System.nanoTime() - start;
    }

    private static int[][] confusion(LabeledImages images, float[][] out) {
        int k = images.classes().size();
        int[][] counts = new int[k][k];
        for (int i = 0; i < out.length; i++) counts[images.label(i)][Ranking.argmax(out[i])]++;
        return counts;
    }

    private static float[][] predict(MultiLayerNetwork net, LabeledImages images) {
        float[] pixels = new float[images.size() * MnistFormat.PIXELS];
        for (int i = 0; i < images.size(); i++) images.copyImage(i, pixels, i * MnistFormat.PIXELS);
        INDArray output = net.output(Nd4j.create(pixels, new long[]{images.size(), MnistFormat.PIXELS}, 'c'), false);
        return output.toFloatMatrix();
    }

    private record Filters(float[][] weights, int side) {
    }

    /** The first layer with weights: conv kernels [out, in, k, k] (first input channel), or dense units' 784 weights. */
    private static Filters firstLayerFilters(MultiLayerNetwork net) {
        for (Layer layer : net.getLayers()) {
            INDArray w = layer.getParam("W");
            if (w == null) continue;
            if (layer instanceof ConvolutionLayer) {
                // [filters, channels, k, k] in c order: filter f's first channel is k*k values at f*channels*k*k
                int n = (int) Math.min(MAX_FILTERS, w.size(0));
                int channels = (int) w.size(1), k = (int) w.size(2);
                float[] all = w.dup('c').reshape(w.length()).toFloatVector();
                float[][] out = new float[n][];
                for (int f = 0; f < n; f++) out[f] = java.util.Arrays.copyOfRange(all, f * channels * k * k, f * channels * k * k + k * k);
                return new Filters(out, k);
            }
            if (w.size(0) == MnistFormat.PIXELS) {
                int n = (int) Math.min(MAX_FILTERS, w.size(1));
                float[][] out = new float[n][];
                for (int u = 0; u < n; u++) out[u] = w.getColumn(u).dup().toFloatVector();
                return new Filters(out, MnistFormat.SIDE);
            }
            return new Filters(new float[0][], 0);
        }
        return new Filters(new float[0][], 0);
    }
}
