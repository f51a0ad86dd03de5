package io.handwritingstudio.training;

import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.model.Hyperparameters;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import io.handwritingstudio.model.design.NetworkDesign;

import java.nio.file.Path;

/**
 * A training run: what to train on and with what.
 *
 * @param test             held-out images for per-epoch test accuracy, or null
 * @param checkpointDir    where each finished epoch is saved (null: no checkpoints)
 * @param resumeFrom       a network loaded from a checkpoint to continue, or null to start fresh
 * @param epochsDone       epochs {@code resumeFrom} already finished (0 for a fresh run)
 * @param design           the network to build for a fresh run; null for the preset the architecture names
 */
public record TrainingRequest(Hyperparameters hyperparameters, String datasetName, LabeledImages train,
                              LabeledImages test, Path checkpointDir, MultiLayerNetwork resumeFrom, int epochsDone,
                              NetworkDesign design) {

    public TrainingRequest(Hyperparameters hyperparameters, String datasetName, LabeledImages train,
                           LabeledImages test, Path checkpointDir, MultiLayerNetwork resumeFrom, int epochsDone) {
        this(hyperparameters, datasetName, train, test, checkpointDir, resumeFrom, epochsDone, null);
    }

    /** The design this run trains: its own, or the architecture's preset. */
    public NetworkDesign effectiveDesign() {
        return design != null ? design : hyperparameters.architecture().design();
    }

    public TrainingRequest withDesign(NetworkDesign newDesign) {
        return new TrainingRequest(hyperparameters, datasetName, train, test, checkpointDir, resumeFrom, epochsDone, newDesign);
    }

    public static TrainingRequest fresh(Hyperparameters hp, String datasetName, LabeledImages train, LabeledImages test) {
        return new TrainingRequest(hp, datasetName, train, test, null, null, 0);
    }

    public TrainingRequest withCheckpoints(Path dir) {
        return new TrainingRequest(hyperparameters, datasetName, train, test, dir, resumeFrom, epochsDone, design);
    }
}
