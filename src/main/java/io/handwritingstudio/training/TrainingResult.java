package io.handwritingstudio.training;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.util.List;

/**
 * The outcome of a run. A cancelled run still carries its network (trained for the epochs that finished, plus
 * the partial epoch), so a user can keep it if they want.
 */
public record TrainingResult(boolean cancelled, MultiLayerNetwork network, int epochsCompleted,
                             List<TrainingListener.EpochMetrics> history, double trainingSeconds) {

    public double finalTestAccuracy() {
        return history.isEmpty() ? Double.NaN : history.get(history.size() - 1).testAccuracy();
    }
}
