package io.handwritingstudio.model;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.MultiLayerUpdater;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.HashMap;
import java.util.Map;

/**
 * Trains a network one batch at a time as {@code fit(DataSet)} does: the gradient from a {@link TrainingChain}, then
 * the network's own updater (Adam's state, the learning-rate schedule and the division by the batch size stay
 * DL4J's), the step, the iteration count and the score. Networks the chain cannot bind, and batches with masks, go
 * through {@code fit}; {@link #describe} says which path a batch size takes. 1.6-2x faster on {@code classic}
 * (docs/BENCHMARKS.md, "Seventh pass"). Not thread-safe: one training thread.
 */
public final class DirectTraining {
    /** {@code -Dhws.directTraining=false} trains through {@code fit} (for measuring). */
    public static final String PROPERTY = "hws.directTraining";
    private final MultiLayerNetwork network;
    /** By batch size: an epoch's batches and its last, shorter one. */
    private final Map<Integer, TrainingChain> chains = new HashMap<>();
    private long paramsAtBuild;
    private String note;

    private DirectTraining(MultiLayerNetwork network) {
        this.network = network;
    }

    public static DirectTraining of(MultiLayerNetwork network) {
        return new DirectTraining(network);
    }

    /** Trains on one batch and returns its mean loss (what {@code score()} gives after {@code fit}). */
    public double fit(DataSet batch) {
        // DL4J's own listeners (score, statistics) hear fit's forward, backward and iterationDone calls: fit keeps them
        boolean plain = batch.getFeaturesMaskArray() == null && batch.getLabelsMaskArray() == null
                && network.getListeners().isEmpty();
        TrainingChain chain = plain ? chain((int) batch.getFeatures().size(0)) : null;
        if (chain == null) {
            network.fit(batch);
            return network.score();
        }
        double loss = chain.computeGradient(batch.getFeatures(), batch.getLabels());
        int iteration = network.getIterationCount();
        ((MultiLayerUpdater) network.getUpdater()).update(chain.gradient(), iteration, network.getEpochCount(),
                chain.batchSize(), LayerWorkspaceMgr.noWorkspaces());
        INDArray params = network.params();
        params.reshape(params.length()).subi(network.getFlattenedGradients().reshape(params.length()));
        network.setIterationCount(iteration + 1);
        network.setScore(loss);
        return loss;
    }

    /** Which path batches of {@code size} take: "direct ops (channels last)", or "fit() (why not)". */
    public String describe(int size) {
        return chain(size) != null ? "direct ops (channels last)" : "fit() (" + note + ")";
    }

    /** Why {@code fit} would not take the plain step params -= update here (another optimiser or maximising), or null. */
    private static String stepRule(org.deeplearning4j.nn.conf.NeuralNetConfiguration conf) {
        if (conf.getOptimizationAlgo() != org.deeplearning4j.nn.api.OptimizationAlgorithm.STOCHASTIC_GRADIENT_DESCENT) {
            return "optimisation algorithm " + conf.getOptimizationAlgo();
        }
        if (!conf.isMinimize()) return "maximising the score";
        if (conf.getStepFunction() != null
                && !(conf.getStepFunction() instanceof org.deeplearning4j.nn.conf.stepfunctions.NegativeGradientStepFunction)) {
            return "step function " + conf.getStepFunction().getClass().getSimpleName();
        }
        return null;
    }

    private TrainingChain chain(int size) {
        if (note != null) return null;
        long storage = DirectForward.storage(network.params());
        if (storage != paramsAtBuild) {
            chains.clear(); // the chains hold views of the old parameter array
            paramsAtBuild = storage;
        }
        TrainingChain chain = chains.get(size);
        if (chain != null) return chain;
        if ("false".equalsIgnoreCase(System.getProperty(PROPERTY))) {
            note = "turned off by -D" + PROPERTY + "=false";
            return null;
        }
        if (!(network.getUpdater() instanceof MultiLayerUpdater)) {
            note = "updater " + network.getUpdater().getClass().getSimpleName();
            return null;
        }
        note = stepRule(network.getLayerWiseConfigurations().getConf(0));
        if (note != null) return null;
        if (chains.size() >= 2) chains.clear();
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            chain = TrainingChain.bind(network, size);
        } catch (DirectForward.Unsupported e) {
            note = e.getMessage();
            return null;
        }
        chains.put(size, chain);
        return chain;
    }
}
