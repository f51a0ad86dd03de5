package io.handwritingstudio.training;

import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.evaluation.Evaluator;
import io.handwritingstudio.model.Architecture;
import io.handwritingstudio.model.Hyperparameters;
import io.handwritingstudio.model.ModelStore;
import io.handwritingstudio.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainerTest {
    @TempDir
    Path dir;

    private static Hyperparameters hp(int epochs, int limit) {
        return new Hyperparameters(Architecture.CLASSIC, epochs, 64, 2e-3, 1.0, "adam", 3, false, limit);
    }

    @Test
    void shortRealTrainingLearnsAndReportsEveryIteration() throws Exception {
        LabeledImages train = TestData.mnistTrain().limit(3_000);
        LabeledImages test = TestData.mnistTest().limit(1_000);
        List<TrainingObserver.EpochMetrics> epochs = new ArrayList<>();
        AtomicLong iterations = new AtomicLong();
        TrainingResult result = new Trainer(TrainingRequest.fresh(hp(2, 0), "mnist", train, test)).run(new TrainingObserver() {
            @Override
            public void onIteration(IterationUpdate u) {
                iterations.incrementAndGet();
            }

            @Override
            public void onEpochEnd(EpochMetrics m) {
                epochs.add(m);
            }
        }, new TrainingControl());

        assertFalse(result.cancelled());
        assertEquals(2 * 47, iterations.get(), "one update per mini-batch");
        assertEquals(2, epochs.size());
        assertTrue(epochs.get(1).meanLoss() < epochs.get(0).meanLoss(), "loss falls");
        assertTrue(result.finalTestAccuracy() > 0.85, "learned: test accuracy " + result.finalTestAccuracy());
    }

    /** A folder of the pad's samples has an empty test split: the log says so instead of "test accuracy NaN%". */
    @Test
    void anEmptyTestSplitIsNoTestSplit() throws Exception {
        List<String> log = new ArrayList<>();
        LabeledImages train = TestData.mnistTrain().limit(640);
        TrainingResult result = new Trainer(TrainingRequest.fresh(hp(1, 0), "mnist", train, train.limit(0)))
                .run(new TrainingObserver() {
                    @Override
                    public void onLog(String line) {
                        log.add(line);
                    }
                }, new TrainingControl());
        assertTrue(Double.isNaN(result.finalTestAccuracy()));
        String all = String.join("\n", log);
        assertTrue(all.contains("no test images") && !all.contains("NaN"), all);
    }

    @Test
    void cancelMidEpochStopsWithinABatchAndKeepsTheNetwork() throws Exception {
        TrainingControl control = new TrainingControl();
        AtomicLong seen = new AtomicLong();
        TrainingResult result = new Trainer(TrainingRequest.fresh(hp(3, 0), "mnist", TestData.mnistTrain().limit(6_400), null))
                .run(new TrainingObserver() {
                    @Override
                    public void onIteration(IterationUpdate u) {
                        if (seen.incrementAndGet() == 10) control.cancel();
                    }
                }, control);
        assertTrue(result.cancelled());
        assertEquals(10, seen.get());
        assertEquals(0, result.epochsCompleted());
        assertTrue(result.network() != null);
    }

    @Test
    void pausedTrainingMakesNoProgressUntilResumed() throws Exception {
        TrainingControl control = new TrainingControl();
        AtomicLong seen = new AtomicLong();
        Thread worker = new Thread(() -> {
            try {
                new Trainer(TrainingRequest.fresh(hp(1, 0), "mnist", TestData.mnistTrain().limit(3_200), null))
                        .run(new TrainingObserver() {
                            @Override
                            public void onIteration(IterationUpdate u) {
                                if (seen.incrementAndGet() == 5) control.pause();
                            }
                        }, control);
            } catch (TrainingException e) {
                throw new IllegalStateException(e);
            }
        });
        worker.start();
        while (!control.isPaused()) Thread.onSpinWait();
        Thread.sleep(300);
        assertEquals(5, seen.get(), "no iterations while paused");
        control.resume();
        worker.join(600_000);
        assertEquals(50, seen.get(), "all 50 batches after resume");
    }

    @Test
    void checkpointedRunResumesFromTheLastEpoch() throws Exception {
        LabeledImages train = TestData.mnistTrain().limit(1_280);
        Path checkpoints = dir.resolve("ckpt");
        new Trainer(TrainingRequest.fresh(hp(1, 0), "mnist", train, null).withCheckpoints(checkpoints))
                .run(new TrainingObserver() { }, new TrainingControl());
        Path checkpoint = checkpoints.resolve(Checkpoints.FILE);
        assertTrue(Files.exists(checkpoint));
        assertEquals(1, ModelStore.card(checkpoint).orElseThrow().epochs());

        var network = ModelStore.loadForTraining(checkpoint);
        int iterationBefore = network.getIterationCount();
        TrainingResult resumed = new Trainer(TrainingRequest.resume(hp(2, 0), "mnist", train, null,
                        TrainingRequest.Start.resume(network, 1, null)).withCheckpoints(checkpoints))
                .run(new TrainingObserver() { }, new TrainingControl());
        assertEquals(2, resumed.epochsCompleted());
        assertEquals(1, resumed.history().size(), "only epoch 2 ran");
        assertEquals(iterationBefore + 20, resumed.network().getIterationCount(), "optimizer state continued");
        assertEquals(2, ModelStore.card(checkpoint).orElseThrow().epochs());
    }

    @Test
    void nanOrExplodingLossStopsWithAClearMessage() {
        Hyperparameters h = hp(1, 0);
        TrainingException nan = assertThrows(TrainingException.class, () -> Trainer.checkLoss(Double.NaN, 2, 10, h));
        assertTrue(nan.getMessage().contains("loss became NaN in epoch 2, batch 11"), nan.getMessage());
        assertTrue(nan.getMessage().contains("lower learning rate"), nan.getMessage());
        assertThrows(TrainingException.class, () -> Trainer.checkLoss(5e3, 1, 0, h));
        assertDoesNotThrowForNormalLoss(h);
    }

    private static void assertDoesNotThrowForNormalLoss(Hyperparameters h) {
        try {
            Trainer.checkLoss(2.3, 1, 0, h);
        } catch (TrainingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void evaluationOfTheQuickModelIsAboveAFloorOnRealData() {
        double accuracy = Evaluator.evaluate(TestData.quickModel(), TestData.mnistTest()).accuracy();
        assertTrue(accuracy > 0.95, "accuracy " + accuracy);
    }

    @Test
    void uniformPriorShiftsTheFinishedNetworkOnlyAndLeavesTheCheckpointPlain() throws Exception {
        LabeledImages train = TestData.mnistTrain().limit(2_000);
        LabeledImages test = TestData.mnistTest().limit(500);
        Path checkpoints = dir.resolve("prior");
        TrainingResult result = new Trainer(TrainingRequest.fresh(hp(1, 0), "mnist", train, test)
                .withCheckpoints(checkpoints).withUniformPrior(true)).run(new TrainingObserver() { }, new TrainingControl());

        assertTrue(result.uniformPrior());
        int last = result.network().getnLayers() - 1;
        var plain = ModelStore.loadForTraining(checkpoints.resolve(Checkpoints.FILE));
        int[] counts = train.classCounts();
        for (int c = 0; c < counts.length; c++) {
            double shift = -Math.log(counts[c] / (double) train.size());
            assertEquals(plain.getLayer(last).getParam("b").getDouble(c) + shift,
                    result.network().getLayer(last).getParam("b").getDouble(c), 1e-5, "class " + c);
        }
        assertEquals(Evaluator.evaluate(result.toModel(ModelCards.forTraining(hp(1, 0), "mnist", train.classes(), 1,
                Double.NaN, 0, null)), test).accuracy(), result.finalTestAccuracy(), 1e-9);
    }

    @Test
    void uniformPriorIsRefusedBeforeTrainingWhenAClassHasNoImages() {
        LabeledImages train = TestData.mnistTrain().limit(2_000);
        int[] labels = train.labels();
        for (int i = 0; i < labels.length; i++) if (labels[i] == 3) labels[i] = 4;
        LabeledImages noThrees = train.withLabels(labels, train.classes());
        AtomicLong iterations = new AtomicLong();
        TrainingException e = assertThrows(TrainingException.class, () -> new Trainer(
                TrainingRequest.fresh(hp(1, 0), "mnist", noThrees, null).withUniformPrior(true)).run(new TrainingObserver() {
            @Override
            public void onIteration(IterationUpdate u) {
                iterations.incrementAndGet();
            }
        }, new TrainingControl()));
        assertTrue(e.getMessage().contains("class 3 has no training images"), e.getMessage());
        assertEquals(0, iterations.get());
    }
}
