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
 * @param resumeFrom       a network to continue (a checkpoint) or to start from (prepared for fine-tuning), or null
 * @param epochsDone       epochs {@code resumeFrom} already finished (0 for a fresh run)
 * @param design           the network to build for a fresh run; null for the preset the architecture names
 * @param replay           original data mixed into every batch (fine-tuning), or null
 * @param timeline         whether to record the training timeline (on by default; off only to measure its cost)
 * @param uniformPrior     whether the finished network is made to treat every class as equally likely
 *                         ({@link UniformPrior}; its checkpoints keep the plain network)
 */
public record TrainingRequest(Hyperparameters hyperparameters, String datasetName, LabeledImages train,
                              LabeledImages test, Path checkpointDir, MultiLayerNetwork resumeFrom, int epochsDone,
                              NetworkDesign design, BatchSource.Replay replay, boolean timeline, boolean uniformPrior) {

    public TrainingRequest(Hyperparameters hyperparameters, String datasetName, LabeledImages train,
                           LabeledImages test, Path checkpointDir, MultiLayerNetwork resumeFrom, int epochsDone,
                           NetworkDesign design, BatchSource.Replay replay) {
        this(hyperparameters, datasetName, train, test, checkpointDir, resumeFrom, epochsDone, design, replay, true, false);
    }

    public TrainingRequest(Hyperparameters hyperparameters, String datasetName, LabeledImages train,
                           LabeledImages test, Path checkpointDir, MultiLayerNetwork resumeFrom, int epochsDone) {
        this(hyperparameters, datasetName, train, test, checkpointDir, resumeFrom, epochsDone, null, null);
    }

    /** Fine-tuning: trains {@code prepared} (see {@link FineTuning}) from its first epoch, replaying original data. */
    public static TrainingRequest fineTune(Hyperparameters hp, String datasetName, LabeledImages train, LabeledImages test,
                                           MultiLayerNetwork prepared, BatchSource.Replay replay) {
        return new TrainingRequest(hp, datasetName, train, test, null, prepared, 0, null, replay);
    }

    /** The design this run trains: its own, or the architecture's preset. */
    public NetworkDesign effectiveDesign() {
        return design != null ? design : hyperparameters.architecture().design();
    }

    public TrainingRequest withDesign(NetworkDesign newDesign) {
        return new TrainingRequest(hyperparameters, datasetName, train, test, checkpointDir, resumeFrom, epochsDone, newDesign, replay, timeline, uniformPrior);
    }

    public static TrainingRequest fresh(Hyperparameters hp, String datasetName, LabeledImages train, LabeledImages test) {
        return new TrainingRequest(hp, datasetName, train, test, null, null, 0);
    }

    public TrainingRequest withCheckpoints(Path dir) {
        return new TrainingRequest(hyperparameters, datasetName, train, test, dir, resumeFrom, epochsDone, design, replay, timeline, uniformPrior);
    }

    /** The same run without timeline snapshots: the baseline for measuring what they cost. */
    public TrainingRequest withoutTimeline() {
        return new TrainingRequest(hyperparameters, datasetName, train, test, checkpointDir, resumeFrom, epochsDone, design, replay, false, uniformPrior);
    }

    /** The same run, its finished network made to treat every class as equally likely (or not). */
    public TrainingRequest withUniformPrior(boolean on) {
        return new TrainingRequest(hyperparameters, datasetName, train, test, checkpointDir, resumeFrom, epochsDone, design, replay, timeline, on);
    }
}
