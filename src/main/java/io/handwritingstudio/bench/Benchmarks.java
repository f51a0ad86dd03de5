package io.handwritingstudio.bench;

import io.handwritingstudio.data.MnistFormat;

import io.handwritingstudio.data.ClassNames;
import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.model.Architecture;
import io.handwritingstudio.model.Hyperparameters;
import io.handwritingstudio.model.InputLayout;
import io.handwritingstudio.model.ModelCard;
import io.handwritingstudio.model.ModelStore;
import io.handwritingstudio.model.TrainedModel;
import io.handwritingstudio.training.Trainer;
import io.handwritingstudio.training.TrainingControl;
import io.handwritingstudio.training.TrainingException;
import io.handwritingstudio.training.TrainingObserver;
import io.handwritingstudio.training.TrainingRequest;
import io.handwritingstudio.training.TrainingResult;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Measures what users feel: training images/s, single-image inference latency (median, p99) and batch
 * throughput, for one architecture. Warm-up iterations are run first and not counted (JIT, oneDNN primitive caches).
 */
public final class Benchmarks {

    public record Result(String architecture, long parameters, double trainImagesPerSecond, double latencyMedianMs,
                         double latencyP99Ms, double batchImagesPerSecond, int trainIterations, int batchSize,
                         String singleImagePath, double loadedLatencyMedianMs, double loadedLatencyP99Ms,
                         String batchPath) {
    }

    private Benchmarks() {
    }

    /**
     * Training speed through the real {@link Trainer} loop (batch prefetch and augmentation included, as users get
     * it): one warm-up epoch on a small subset, then a timed epoch of {@code iterations} batches.
     */
    public static Result run(Architecture arch, LabeledImages images, int batchSize, int iterations, boolean augment)
            throws TrainingException {
        Hyperparameters d = Hyperparameters.defaults(arch);
        Hyperparameters hp = new Hyperparameters(arch, 1, batchSize, d.learningRate(), 1.0, "adam", 42, augment, 0);
        int warmup = Math.max(30, iterations / 5);
        epoch(hp, images.limit(warmup * batchSize));
        LabeledImages timed = images.limit(iterations * batchSize);
        TrainingResult result = epoch(hp, timed);
        double trainRate = timed.size() / result.history().get(0).seconds();

        MultiLayerNetwork net = result.network();
        TrainedModel model = new TrainedModel(net, card(images.classes(), arch), InputLayout.FLAT);
        double[] latency = singleImageLatencies(model, images, 600, 100);
        double batchRate = batchThroughput(model, images, 1000, 20);
        double[] loaded = singleImageLatencies(savedAndLoaded(model), images, 600, 100);
        return new Result(arch.id(), net.numParams(), trainRate, percentile(latency, 50), percentile(latency, 99),
                batchRate, iterations, batchSize, model.singleImagePath(), percentile(loaded, 50), percentile(loaded, 99),
                model.batchPath());
    }

    /**
     * The same network written to a model file and read back, as the pad, {@code predict} and the studio get it: a
     * loaded model once took 20-30 ms per image while the freshly trained one took 0.3 (docs/BENCHMARKS.md).
     */
    private static TrainedModel savedAndLoaded(TrainedModel model) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("hws-bench");
            Path file = dir.resolve("bench.zip");
            ModelStore.save(model.network(), model.card(), file);
            return ModelStore.load(file);
        } catch (IOException e) {
            throw new IllegalStateException("could not save and reload the benchmark's model: " + e.getMessage(), e);
        } finally {
            if (dir != null) deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp folder is harmless
        }
    }

    /**
     * One timeline measurement: training img/s with snapshots off and on, per round (rounds alternate off, on), and
     * the measured cost of each kind of snapshot.
     */
    public record TimelineResult(String architecture, int iterations, int batchSize, double[] offImagesPerSecond,
                                 double[] onImagesPerSecond, double[] onTrainingSeconds, double[] iterationSnapshotSeconds,
                                 double[] epochSnapshotSeconds, int iterationSnapshotsPerRun) {
        /** Overhead of round {@code i}: how much slower the run with snapshots was than the run before it. */
        public double overhead(int i) {
            return 1 - onImagesPerSecond[i] / offImagesPerSecond[i];
        }

        public double medianOverhead() {
            return 1 - median(onImagesPerSecond) / median(offImagesPerSecond);
        }

        /**
         * Round {@code i}'s snapshot time over the training time of the same run: load from other processes hits
         * both alike, which the comparison of separate runs cannot promise on a shared machine.
         */
        public double inRunOverhead(int i) {
            return (iterationSnapshotSeconds[i] + epochSnapshotSeconds[i]) / onTrainingSeconds[i];
        }

        public double secondsPerIterationSnapshot(int i) {
            return iterationSnapshotSeconds[i] / iterationSnapshotsPerRun;
        }

        /**
         * Round {@code i}'s overhead over one epoch of {@code epochImages}, from the snapshot schedule: the first
         * epoch has the early iteration snapshots (start, 10, 50, 200) and an epoch-end one, later epochs only the
         * epoch-end one; epoch time from the round's own training speed.
         */
        public double epochOverhead(int i, int epochImages, boolean first) {
            double epochSeconds = onTrainingSeconds[i] * epochImages / ((double) iterations * batchSize);
            int early = 0;
            long perEpoch = (epochImages + batchSize - 1) / batchSize;
            for (long it : TIMELINE_EARLY_ITERATIONS) if (it <= perEpoch) early++;
            double snapshots = (first ? early * secondsPerIterationSnapshot(i) : 0) + epochSnapshotSeconds[i];
            return snapshots / epochSeconds;
        }
    }

    /** Mirrors the trainer's schedule (TimelineRecorder.EARLY_ITERATIONS, package-private there). */
    private static final long[] TIMELINE_EARLY_ITERATIONS = {0, 10, 50, 200};

    /**
     * Training speed with and without the timeline snapshots, through the real {@link Trainer}: a warm-up run, then
     * {@code rounds} pairs of one-epoch runs of {@code iterations} batches, off then on. A run's time is its training
     * loop (which holds the iteration snapshots) plus its epoch-end snapshot; the per-epoch test evaluation, made
     * either way, is not counted.
     */
    public static TimelineResult timeline(Architecture arch, LabeledImages train, LabeledImages test, int batchSize,
                                          int iterations, int rounds) throws TrainingException {
        Hyperparameters d = Hyperparameters.defaults(arch);
        Hyperparameters hp = new Hyperparameters(arch, 1, batchSize, d.learningRate(), 1.0, "adam", 42, false, 0);
        LabeledImages timed = train.limit(iterations * batchSize);
        new Trainer(TrainingRequest.fresh(hp, "bench", train.limit(Math.max(30, iterations / 5) * batchSize), test))
                .run(new TrainingObserver() { }, new TrainingControl());
        double[] off = new double[rounds], on = new double[rounds], training = new double[rounds];
        double[] iterationSnapshots = new double[rounds], epochSnapshots = new double[rounds];
        int perRun = 0;
        for (int r = 0; r < rounds; r++) {
            System.err.printf(java.util.Locale.ROOT, "Round %d of %d...%n", r + 1, rounds);
            TrainingRequest request = TrainingRequest.fresh(hp, "mnist", timed, test);
            TrainingResult without = new Trainer(request.withoutTimeline()).run(new TrainingObserver() { }, new TrainingControl());
            off[r] = timed.size() / without.history().get(0).seconds();
            TrainingResult with = new Trainer(request).run(new TrainingObserver() { }, new TrainingControl());
            var cost = with.timelineCost();
            double loop = with.history().get(0).seconds();
            on[r] = timed.size() / (loop + cost.epochSeconds());
            training[r] = loop - cost.iterationSeconds();
            iterationSnapshots[r] = cost.iterationSeconds();
            epochSnapshots[r] = cost.epochSeconds();
            perRun = cost.iterationSnapshots();
        }
        return new TimelineResult(arch.id(), iterations, batchSize, off, on, training, iterationSnapshots,
                epochSnapshots, perRun);
    }

    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static TrainingResult epoch(Hyperparameters hp, LabeledImages images) throws TrainingException {
        return new Trainer(TrainingRequest.fresh(hp, "bench", images, null))
                .run(new TrainingObserver() { }, new TrainingControl());
    }

    private static double[] singleImageLatencies(TrainedModel model, LabeledImages images, int runs, int warmup) {
        float[] pixels = new float[MnistFormat.PIXELS];
        double[] ms = new double[runs];
        for (int i = 0; i < warmup + runs; i++) {
            images.copyImage(i % images.size(), pixels, 0);
            long t = System.nanoTime();
            model.predictOne(pixels);
            if (i >= warmup) ms[i - warmup] = (System.nanoTime() - t) / 1e6;
        }
        return ms;
    }

    private static double batchThroughput(TrainedModel model, LabeledImages images, int batch, int repeats) {
        float[] pixels = new float[batch * MnistFormat.PIXELS];
        for (int i = 0; i < batch; i++) images.copyImage(i % images.size(), pixels, i * MnistFormat.PIXELS);
        model.predict(pixels, batch);
        long start = System.nanoTime();
        for (int r = 0; r < repeats; r++) model.predict(pixels, batch);
        return repeats * (double) batch / ((System.nanoTime() - start) / 1e9);
    }

    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static ModelCard card(ClassNames classes, Architecture arch) {
        return new ModelCard("bench-" + arch.id(), "dl4j", "bench", classes.names(), arch.id(), null, 42L, 0, null,
                null, ModelCard.PREPROCESSING, "28x28x1", null, null, null);
    }

    /** Random images, for when no dataset is cached: speed does not depend on the pixel values. */
    public static LabeledImages syntheticDigits(int count) {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(7);
        byte[] px = new byte[count * MnistFormat.PIXELS];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = rng.nextInt(10);
            for (int p = 0; p < MnistFormat.PIXELS; p++) px[i * MnistFormat.PIXELS + p] = (byte) (rng.nextInt(5) == 0 ? rng.nextInt(256) : 0);
        }
        return new LabeledImages(px, labels, MnistFormat.SIDE, MnistFormat.SIDE, ClassNames.digits());
    }

    public static List<Architecture> all() {
        return List.of(Architecture.values());
    }
}
