package io.handwritingstudio.training;

import java.nio.file.Path;

/**
 * What a {@link Trainer} reports while it runs. Called on the training thread: implementations must return
 * quickly (a UI copies the values and marshals them to its own thread, throttled).
 */
public interface TrainingObserver {
    default void onStart(TrainingPlan plan) {
    }

    default void onIteration(IterationUpdate update) {
    }

    default void onEpochEnd(EpochMetrics metrics) {
    }

    default void onCheckpoint(Path file, int epoch) {
    }

    default void onLog(String line) {
    }

    /** After each timeline snapshot: the run's timeline so far (a new object each time; the UI scrubs it live). */
    default void onSnapshot(TrainingTimeline soFar) {
    }

    /** How much work a run is. */
    record TrainingPlan(int firstEpoch, int totalEpochs, int iterationsPerEpoch, int trainImages, int testImages) {
        public long totalIterations() {
            return (long) (totalEpochs - firstEpoch + 1) * iterationsPerEpoch;
        }
    }

    /**
     * @param epoch 1-based epoch
     * @param iteration global iteration count of this run
     * @param progress 0..1 over the whole run
     * @param etaSeconds estimated seconds left, or -1 before there is enough to go on
     */
    record IterationUpdate(int epoch, long iteration, int batchInEpoch, double loss, double progress,
                           double imagesPerSecond, double etaSeconds) {
    }

    /** @param testAccuracy NaN when there is no test set */
    record EpochMetrics(int epoch, double meanLoss, double trainAccuracy, double testAccuracy, double seconds,
                        double learningRate) {
    }
}
