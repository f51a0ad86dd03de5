package io.handwritingstudio.training;

import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.model.Hyperparameters;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.nio.file.Path;

/**
 * A training run: what to train on and with what.
 *
 * @param test             held-out images for per-epoch test accuracy, or null
 * @param checkpointDir    where each finished epoch is saved (null: no checkpoints)
 * @param resumeFrom       a network loaded from a checkpoint to continue, or null to start fresh
 * @param epochsDone       epochs {@code resumeFrom} already finished (0 for a fresh run)
 */
public record TrainingRequest(Hyperparameters hyperparameters, String datasetName, LabeledImages train,
                              LabeledImages test, Path checkpointDir, MultiLayerNetwork resumeFrom, int epochsDone) {

    public static TrainingRequest fresh(Hyperparameters hp, String datasetName, LabeledImages train, LabeledImages test) {
        return new TrainingRequest(hp, datasetName, train, test, null, null, 0);
    }

    public TrainingRequest withCheckpoints(Path dir) {
        return new TrainingRequest(hyperparameters, datasetName, train, test, dir, resumeFrom, epochsDone);
    }
}
