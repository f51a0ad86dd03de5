package io.handwritingstudio.model;

import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.MultiLayerUpdater;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Map;

/**
 * DL4J's updater for a network, told that the gradient it gets is the network's own. {@code BaseMultiLayerUpdater}
 * compares the gradient's array with the network's gradient view by identity, but DL4J 1.0.0-M2.1's
 * {@code DefaultGradient.gradient()} returns a new reshaped view on every call, so every iteration took the path
 * for gradients computed by another network: per parameter and per iteration it re-sliced the whole gradient and
 * parameter arrays (views built through JNI) to divide by the batch size and to apply regularisation. Handing over
 * the view the updater already holds (same memory) selects its cached per-block views; the arithmetic is the same
 * (TrainingSpeedupsTest compares parameters after Adam steps).
 */
final class OwnGradientUpdater extends MultiLayerUpdater {

    OwnGradientUpdater(MultiLayerNetwork network, INDArray state) {
        super(network, state);
    }

    /** Puts this updater on {@code network}, keeping the optimizer state of the updater it had. */
    static void install(MultiLayerNetwork network) {
        if (network.getUpdater() instanceof OwnGradientUpdater) return;
        INDArray state = network.getUpdater().getStateViewArray();
        network.setUpdater(new OwnGradientUpdater(network, state));
    }

    @Override
    public synchronized void update(Gradient gradient, int iteration, int epoch, int batchSize, LayerWorkspaceMgr workspaceMgr) {
        INDArray own = getFlattenedGradientsView();
        INDArray given = gradient.gradient();
        boolean same = own != null && given != null && given.length() == own.length()
                && given.data().address() == own.data().address() && given.offset() == own.offset();
        super.update(same ? new OwnView(gradient, own) : gradient, iteration, epoch, batchSize, workspaceMgr);
    }

    /** The gradient as given, except that its flat array is the updater's own view of the same memory. */
    private record OwnView(Gradient given, INDArray flat) implements Gradient {
        @Override public Map<String, INDArray> gradientForVariable() { return given.gradientForVariable(); }
        @Override public INDArray gradient(List<String> order) { return given.gradient(order); }
        @Override public INDArray gradient() { return flat; }
        @Override public void clear() { given.clear(); }
        @Override public INDArray getGradientFor(String variable) { return given.getGradientFor(variable); }
        @Override public INDArray setGradientFor(String variable, INDArray g) { return given.setGradientFor(variable, g); }
        @Override public INDArray setGradientFor(String variable, INDArray g, Character order) {
            return given.setGradientFor(variable, g, order);
        }
        @Override public Character flatteningOrderForVariable(String variable) { return given.flatteningOrderForVariable(variable); }
    }
}
