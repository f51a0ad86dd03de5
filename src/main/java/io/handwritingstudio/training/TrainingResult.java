package io.handwritingstudio.training;

import io.handwritingstudio.model.InputLayout;
import io.handwritingstudio.model.ModelCard;
import io.handwritingstudio.model.ModelStore;
import io.handwritingstudio.model.TrainedModel;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of a run. A cancelled run still carries its network (trained for the epochs that finished, plus
 * the partial epoch), so a user can keep it if they want. The timeline (and its cost) is null for runs without a
 * test set, runs that switched it off, and resumed runs whose checkpoint carries none; a resumed run's timeline
 * includes the snapshots its checkpoint carried (its cost counts this run's only).
 *
 * @param uniformPriorAccuracy the test accuracy once {@link UniformPrior} was applied to the finished network; NaN
 *                             when it was not (not asked for, cancelled, or no test set)
 */
public record TrainingResult(boolean cancelled, MultiLayerNetwork network, int epochsCompleted,
                             List<TrainingObserver.EpochMetrics> history, double trainingSeconds,
                             TrainingTimeline timeline, TimelineCost timelineCost, boolean uniformPrior,
                             double uniformPriorAccuracy) {

    public TrainingResult(boolean cancelled, MultiLayerNetwork network, int epochsCompleted,
                          List<TrainingObserver.EpochMetrics> history, double trainingSeconds,
                          TrainingTimeline timeline, TimelineCost timelineCost) {
        this(cancelled, network, epochsCompleted, history, trainingSeconds, timeline, timelineCost, false, Double.NaN);
    }

    public TrainingResult(boolean cancelled, MultiLayerNetwork network, int epochsCompleted,
                          List<TrainingObserver.EpochMetrics> history, double trainingSeconds, TrainingTimeline timeline) {
        this(cancelled, network, epochsCompleted, history, trainingSeconds, timeline, null);
    }

    public TrainingResult(boolean cancelled, MultiLayerNetwork network, int epochsCompleted,
                          List<TrainingObserver.EpochMetrics> history, double trainingSeconds) {
        this(cancelled, network, epochsCompleted, history, trainingSeconds, null);
    }

    /** Whether the run left a network to keep (false when it failed before the first batch). */
    public boolean hasNetwork() {
        return network != null;
    }

    /** The trained network as the model the rest of the application uses; the trainer feeds flat 784-pixel rows. */
    public TrainedModel toModel(ModelCard card) {
        return new TrainedModel(requireNetwork(), card, InputLayout.FLAT);
    }

    /** Saves the network with its card (atomically, see {@link ModelStore#save}). */
    public void save(ModelCard card, Path file) throws IOException {
        ModelStore.save(requireNetwork(), card, file);
    }

    /** Saves with extra zip entries (the timeline, see {@link TrainingTimeline#asAttachment()}). */
    public void save(ModelCard card, Path file, java.util.Map<String, byte[]> attachments) throws IOException {
        ModelStore.save(requireNetwork(), card, file, attachments);
    }

    private MultiLayerNetwork requireNetwork() {
        if (network == null) throw new IllegalStateException("the run left no trained network");
        return network;
    }

    /** The saved network's test accuracy: after {@link UniformPrior} where it was applied. */
    public double finalTestAccuracy() {
        if (uniformPrior) return uniformPriorAccuracy;
        return history.isEmpty() ? Double.NaN : history.get(history.size() - 1).testAccuracy();
    }
}
