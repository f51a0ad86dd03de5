package io.handwritingstudio.training;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.util.List;

/**
 * The outcome of a run. A cancelled run still carries its network (trained for the epochs that finished, plus
 * the partial epoch), so a user can keep it if they want. The timeline is null for resumed runs and runs without
 * a test set.
 */
public record TrainingResult(boolean cancelled, MultiLayerNetwork network, int epochsCompleted,
                             List<TrainingListener.EpochMetrics> history, double trainingSeconds,
                             TrainingTimeline timeline) {

    public TrainingResult(boolean cancelled, MultiLayerNetwork network, int epochsCompleted,
                          List<TrainingListener.EpochMetrics> history, double trainingSeconds) {
        this(cancelled, network, epochsCompleted, history, trainingSeconds, null);
    }

    public double finalTestAccuracy() {
        return history.isEmpty() ? Double.NaN : history.get(history.size() - 1).testAccuracy();
    }
}
