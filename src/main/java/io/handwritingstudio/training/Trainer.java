package io.handwritingstudio.training;

import java.util.Locale;
import io.handwritingstudio.data.InkTexture;
import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.evaluation.EvaluationReport;
import io.handwritingstudio.evaluation.Evaluator;
import io.handwritingstudio.model.DirectTraining;
import io.handwritingstudio.model.Hyperparameters;
import io.handwritingstudio.model.InputLayout;
import io.handwritingstudio.model.ModelCard;
import io.handwritingstudio.model.TrainingSpeedups;
import io.handwritingstudio.model.NetworkFactory;
import io.handwritingstudio.model.TrainedModel;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs training epochs over mini-batches, reporting to a {@link TrainingObserver} and obeying a
 * {@link TrainingControl} between iterations. Stops with a {@link TrainingException} when the loss diverges.
 * After each epoch it measures train accuracy (on a fixed sample) and test accuracy, and writes a checkpoint.
 */
public final class Trainer {
    /** A loss above this (cross-entropy starts near ln(classes) < 5) means training has blown up. */
    static final double EXPLODED_LOSS = 1e3;
    private static final int TRAIN_ACCURACY_SAMPLE = 5_000;

    private final TrainingRequest request;

    public Trainer(TrainingRequest request) {
        this.request = request;
    }

    public TrainingResult run(TrainingObserver listener, TrainingControl control) throws TrainingException {
        Hyperparameters hp = request.hyperparameters();
        // Flattened once here, as every later input of the model will be (its card says so); augmentation then
        // resamples the flattened images, and the plain epochs see exactly what the model reads.
        boolean flat = request.flattensInk();
        LabeledImages train = flat ? InkTexture.flatten(request.train()) : request.train();
        // an empty test split (a folder of the pad's samples keeps all for training) is no test split: no "NaN%"
        LabeledImages given = request.test() == null || request.test().size() == 0 ? null : request.test();
        LabeledImages test = flat && given != null ? InkTexture.flatten(given) : given;
        int classes = train.classes().size();
        if (request.uniformPrior()) {
            String problem = UniformPrior.problem(train.classCounts(), train.classes());
            if (problem != null) throw new TrainingException(problem);
        }
        BatchSource.Replay replay = flat && request.replay() != null
                ? new BatchSource.Replay(InkTexture.flatten(request.replay().images()), request.replay().fraction())
                : request.replay();
        BatchSource batches = new BatchSource(train, hp.batchSize(), hp.seed(), hp.augment() ? Augmenter.forDataset(request.datasetName()) : null,
                replay);
        int perEpoch = batches.batchesPerEpoch();
        MultiLayerNetwork net = request.resumeFrom() != null ? request.resumeFrom()
                : NetworkFactory.create(request.effectiveDesign(), hp, classes, perEpoch);
        TrainingSpeedups.install(net);
        DirectTraining steps = DirectTraining.of(net);
        int firstEpoch = request.epochsDone() + 1;
        var plan = new TrainingObserver.TrainingPlan(firstEpoch, hp.epochs(), perEpoch, train.size(),
                test == null ? 0 : test.size());
        listener.onStart(plan);
        listener.onLog(String.format(Locale.ROOT, "Training %s on %s: %,d images, %d classes, %d epoch%s of %d batch%s of %d",
                request.effectiveDesign().name(), request.datasetName(), train.size(), classes, hp.epochs(),
                hp.epochs() == 1 ? "" : "s", perEpoch, perEpoch == 1 ? "" : "es", hp.batchSize()));
        listener.onLog("Training step: " + steps.describe(Math.min(hp.batchSize(), train.size())));
        Checkpoints checkpoints = request.checkpointDir() == null ? null : new Checkpoints(request.checkpointDir());
        // A seeded random sample: datasets may be ordered by class (the balanced characters set is).
        int[] sample = java.util.Arrays.copyOf(batches.order(0), Math.min(TRAIN_ACCURACY_SAMPLE, train.size()));
        LabeledImages trainSample = train.select(sample);
        List<TrainingObserver.EpochMetrics> history = new ArrayList<>();
        // the timeline counts iterations over the whole run, a resumed one included
        long iterationsBefore = (long) request.epochsDone() * perEpoch;
        TimelineRecorder timeline = timelineRecorder(test, hp, iterationsBefore, listener);
        Clock clock = new Clock(plan.totalIterations());
        ExecutorService prefetch = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "batch-prefetch");
            t.setDaemon(true);
            return t;
        });
        int epochsCompleted = request.epochsDone();
        try {
            for (int epoch = firstEpoch; epoch <= hp.epochs(); epoch++) {
                long epochStart = System.nanoTime();
                long pausedMs = 0;
                int[] order = batches.order(epoch);
                double lossSum = 0;
                int epochNumber = epoch;
                Future<DataSet> next = prefetch.submit(() -> batches.batch(order, epochNumber, 0));
                if (timeline != null && epoch == firstEpoch && request.epochsDone() == 0) {
                    timeline.snapshotAtIteration(net, 0, perEpoch);
                    listener.onSnapshot(timeline.timeline());
                }
                for (int b = 0; b < perEpoch; b++) {
                    pausedMs += control.awaitResumed();
                    if (control.isCancelled()) {
                        listener.onLog("Cancelled in epoch " + epoch + " at batch " + b + " of " + perEpoch);
                        return new TrainingResult(true, net, epochsCompleted, history, clock.trainingSeconds(),
                                timeline == null ? null : timeline.timeline());
                    }
                    DataSet batch = next.get();
                    int following = b + 1;
                    // Build (and augment) the next batch while the network trains on this one.
                    if (following < perEpoch) next = prefetch.submit(() -> batches.batch(order, epochNumber, following));
                    double loss = steps.fit(batch);
                    checkLoss(loss, epoch, b, hp);
                    lossSum += loss;
                    clock.tick(batch.numExamples());
                    if (timeline != null) {
                        timeline.onLoss(loss);
                        if (timeline.wantsIteration(iterationsBefore + clock.iterations())) {
                            timeline.snapshotAtIteration(net, iterationsBefore + clock.iterations(), perEpoch);
                            listener.onSnapshot(timeline.timeline());
                        }
                    }
                    listener.onIteration(new TrainingObserver.IterationUpdate(epoch, clock.iterations(), b + 1, loss,
                            clock.progress(), clock.imagesPerSecond(), clock.etaSeconds()));
                }
                double seconds = (System.nanoTime() - epochStart) / 1e9 - pausedMs / 1000.0;
                EvaluationReport testReport = test == null ? null : evaluate(net, test);
                TrainingObserver.EpochMetrics metrics = new TrainingObserver.EpochMetrics(epoch, lossSum / perEpoch,
                        evaluate(net, trainSample).accuracy(), testReport == null ? Double.NaN : testReport.accuracy(),
                        seconds, net.getLearningRate(0) == null ? Double.NaN : net.getLearningRate(0));
                if (timeline != null) {
                    timeline.snapshotAtEpoch(net, epoch, iterationsBefore + clock.iterations(), testReport.confusionMatrix());
                    listener.onSnapshot(timeline.timeline());
                }
                history.add(metrics);
                epochsCompleted = epoch;
                listener.onEpochEnd(metrics);
                listener.onLog(String.format(Locale.ROOT, "Epoch %d/%d: loss %.4f, train accuracy %.2f%%, %s (%.1f s)",
                        epoch, hp.epochs(), metrics.meanLoss(), 100 * metrics.trainAccuracy(),
                        test == null ? "no test images" : String.format(Locale.ROOT, "test accuracy %.2f%%", 100 * metrics.testAccuracy()),
                        seconds));
                if (checkpoints != null) {
                    listener.onCheckpoint(checkpoints.save(net, checkpointCard(epoch, metrics),
                            timeline == null ? null : timeline.timeline()), epoch);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TrainingResult(true, net, epochsCompleted, history, clock.trainingSeconds(),
                    timeline == null ? null : timeline.timeline());
        } catch (ExecutionException e) {
            throw new TrainingException("could not prepare a batch: " + e.getCause(), e.getCause());
        } catch (IOException e) {
            throw new TrainingException("could not write checkpoint: " + e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            throw new TrainingException("out of memory: try a smaller batch size or training subset", e);
        } finally {
            prefetch.shutdownNow();
        }
        if (timeline != null) {
            listener.onLog(String.format(Locale.ROOT, "Timeline: %d snapshots in %.2f s (%.1f%% of %.1f s of training)",
                    timeline.count(), timeline.seconds(), 100 * timeline.seconds() / clock.trainingSeconds(),
                    clock.trainingSeconds()));
        }
        double priorAccuracy = request.uniformPrior() ? applyUniformPrior(net, test, listener, history) : Double.NaN;
        return new TrainingResult(false, net, epochsCompleted, history, clock.trainingSeconds(),
                timeline == null ? null : timeline.timeline(), timeline == null ? null : timeline.cost(),
                request.uniformPrior(), priorAccuracy);
    }

    /**
     * Snapshots for the timeline, for a run with a test set unless the request switched them off: a new run starts
     * one; a resumed run continues the one its checkpoint carries (none without it: its start is long past).
     */
    private TimelineRecorder timelineRecorder(LabeledImages test, Hyperparameters hp, long iterationsBefore,
                                              TrainingObserver listener) {
        if (!request.timeline() || test == null || test.size() == 0) return null;
        if (request.epochsDone() == 0) return new TimelineRecorder(test, hp.seed());
        TrainingTimeline soFar = request.start().timelineSoFar();
        if (soFar == null) return null;
        TimelineRecorder recorder = TimelineRecorder.continuing(test, hp.seed(), soFar, request.epochsDone(), iterationsBefore);
        listener.onLog(recorder != null ? "Continuing the checkpoint's timeline (" + soFar.snapshots().size() + " snapshots)"
                : "The checkpoint's timeline does not lead into this run (other test images, seed or batch size): "
                + "this run records none");
        return recorder;
    }

    /** The end step of a finished run: {@link UniformPrior} on the network (checkpoints keep the plain one), measured again. */
    private double applyUniformPrior(MultiLayerNetwork net, LabeledImages test, TrainingObserver listener,
                                     List<TrainingObserver.EpochMetrics> history) {
        UniformPrior.apply(net, request.train().classCounts());
        if (test == null) return Double.NaN;
        double after = evaluate(net, test).accuracy();
        double before = history.isEmpty() ? Double.NaN : history.get(history.size() - 1).testAccuracy();
        listener.onLog(String.format(Locale.ROOT, "Every class treated as equally likely: test accuracy %.2f%% -> %.2f%%",
                100 * before, 100 * after));
        return after;
    }

    static void checkLoss(double loss, int epoch, int batch, Hyperparameters hp) throws TrainingException {
        if (Double.isNaN(loss) || Double.isInfinite(loss) || loss > EXPLODED_LOSS) {
            throw new TrainingException(String.format(Locale.ROOT, 
                    "training diverged: loss became %s in epoch %d, batch %d. Try a lower learning rate than %s",
                    Double.isNaN(loss) ? "NaN" : Double.isInfinite(loss) ? "infinite" : String.format(Locale.ROOT, "%.3g", loss),
                    epoch, batch + 1, hp.learningRate()));
        }
    }

    private ModelCard checkpointCard(int epoch, TrainingObserver.EpochMetrics metrics) {
        return ModelCards.forTraining(request.hyperparameters(), request.datasetName(), request.train().classes(),
                epoch, metrics.testAccuracy(), -1, null).withDesign(request.effectiveDesign())
                .withPreprocessing(request.preprocessing());
    }

    /** {@code data} as the run trains on it (already flattened where it is), so the card asks for no input step. */
    private EvaluationReport evaluate(MultiLayerNetwork net, LabeledImages data) {
        TrainedModel model = new TrainedModel(net, ModelCards.forTraining(request.hyperparameters(),
                request.datasetName(), data.classes(), 0, Double.NaN, -1, null).withPreprocessing(ModelCard.PREPROCESSING),
                InputLayout.FLAT);
        return Evaluator.evaluate(model, data);
    }

    /** Training time and throughput, pauses excluded (they never call tick). */
    private static final class Clock {
        private final long totalIterations;
        private long iterations;
        private long images;
        private long lastTick = System.nanoTime();
        private double busySeconds;

        Clock(long totalIterations) {
            this.totalIterations = totalIterations;
        }

        void tick(int batchImages) {
            long now = System.nanoTime();
            // A gap over 5 s between iterations is a pause or an evaluation, not training speed.
            double dt = (now - lastTick) / 1e9;
            busySeconds += Math.min(dt, 5.0);
            lastTick = now;
            iterations++;
            images += batchImages;
        }

        long iterations() { return iterations; }

        double progress() { return totalIterations == 0 ? 1 : Math.min(1, iterations / (double) totalIterations); }

        double imagesPerSecond() { return busySeconds == 0 ? 0 : images / busySeconds; }

        double etaSeconds() {
            return iterations < 5 ? -1 : busySeconds / iterations * (totalIterations - iterations);
        }

        double trainingSeconds() { return busySeconds; }
    }
}
