package io.handwritingstudio.training;

import io.handwritingstudio.data.InkTexture;
import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.model.Hyperparameters;
import io.handwritingstudio.model.ModelCard;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import io.handwritingstudio.model.design.NetworkDesign;

import java.nio.file.Path;

/**
 * A training run: what to train on and with what.
 *
 * @param test             held-out images for per-epoch test accuracy, or null
 * @param checkpointDir    where each finished epoch is saved (null: no checkpoints)
 * @param start            the network it starts from and how far that one got
 * @param design           the network to build for a fresh run; null for the preset the architecture names
 * @param replay           original data mixed into every batch (fine-tuning), or null
 * @param timeline         whether to record the training timeline (on by default; off only to measure its cost)
 * @param uniformPrior     whether the finished network is made to treat every class as equally likely
 *                         ({@link UniformPrior}; its checkpoints keep the plain network)
 */
public record TrainingRequest(Hyperparameters hyperparameters, String datasetName, LabeledImages train,
                              LabeledImages test, Path checkpointDir, Start start, NetworkDesign design,
                              BatchSource.Replay replay, boolean timeline, boolean uniformPrior) {

    /**
     * Where a run starts: a new network, one prepared for fine-tuning, or a checkpoint after {@code epochsDone}
     * epochs with the timeline its run recorded so far (null if it has none), which the run continues.
     *
     * @param preprocessing what a prepared network's inputs go through (its parent's card says); null where the
     *                      dataset decides ({@link ModelCards#preprocessing})
     */
    public record Start(MultiLayerNetwork network, int epochsDone, TrainingTimeline timelineSoFar, String preprocessing) {
        public static final Start FRESH = new Start(null, 0, null, null);

        public static Start resume(MultiLayerNetwork checkpoint, int epochsDone, TrainingTimeline timelineSoFar) {
            return new Start(checkpoint, epochsDone, timelineSoFar, null);
        }
    }

    public TrainingRequest {
        if (start == null) start = Start.FRESH;
    }

    /**
     * Fine-tuning: trains {@code prepared} (see {@link FineTuning}) from its first epoch, replaying original data, fed
     * as {@code preprocessing} (the parent's card) describes.
     */
    public static TrainingRequest fineTune(Hyperparameters hp, String datasetName, LabeledImages train, LabeledImages test,
                                           MultiLayerNetwork prepared, BatchSource.Replay replay, String preprocessing) {
        return new TrainingRequest(hp, datasetName, train, test, null, new Start(prepared, 0, null,
                preprocessing != null ? preprocessing : ModelCard.PREPROCESSING), null, replay, true, false);
    }

    public static TrainingRequest fresh(Hyperparameters hp, String datasetName, LabeledImages train, LabeledImages test) {
        return new TrainingRequest(hp, datasetName, train, test, null, Start.FRESH, null, null, true, false);
    }

    /** Continues a checkpoint (see {@link Start#resume}). */
    public static TrainingRequest resume(Hyperparameters hp, String datasetName, LabeledImages train, LabeledImages test,
                                         Start checkpoint) {
        return new TrainingRequest(hp, datasetName, train, test, null, checkpoint, null, null, true, false);
    }

    /** A network to continue (a checkpoint) or to start from (prepared for fine-tuning), or null. */
    public MultiLayerNetwork resumeFrom() {
        return start.network();
    }

    /** What the network's inputs go through, as its cards (checkpoints too) record it. */
    public String preprocessing() {
        return start.preprocessing() != null ? start.preprocessing() : ModelCards.preprocessing(datasetName);
    }

    /** Whether the trainer flattens every image's ink first (train, test, replay): when the network reads it so. */
    public boolean flattensInk() {
        return InkTexture.wanted(preprocessing());
    }

    /** Epochs {@link #resumeFrom()} already finished (0 for a fresh run). */
    public int epochsDone() {
        return start.epochsDone();
    }

    /** The design this run trains: its own, or the architecture's preset. */
    public NetworkDesign effectiveDesign() {
        return design != null ? design : hyperparameters.architecture().design();
    }

    public TrainingRequest withDesign(NetworkDesign newDesign) {
        return new TrainingRequest(hyperparameters, datasetName, train, test, checkpointDir, start, newDesign, replay, timeline, uniformPrior);
    }

    public TrainingRequest withCheckpoints(Path dir) {
        return new TrainingRequest(hyperparameters, datasetName, train, test, dir, start, design, replay, timeline, uniformPrior);
    }

    /** The same run without timeline snapshots: the baseline for measuring what they cost. */
    public TrainingRequest withoutTimeline() {
        return new TrainingRequest(hyperparameters, datasetName, train, test, checkpointDir, start, design, replay, false, uniformPrior);
    }

    /** The same run, its finished network made to treat every class as equally likely (or not). */
    public TrainingRequest withUniformPrior(boolean on) {
        return new TrainingRequest(hyperparameters, datasetName, train, test, checkpointDir, start, design, replay, timeline, on);
    }
}
