package io.handwritingstudio.training;

import io.handwritingstudio.data.ClassNames;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.transferlearning.FineTuneConfiguration;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.ArrayList;
import java.util.List;

/**
 * Prepares a trained network to learn from a user's own handwriting (transfer learning with DL4J's
 * {@link TransferLearning}): either only the classifier head trains (every layer up to the last convolution stage is
 * frozen, so the learned stroke detectors stay as they are), or everything trains with a small learning rate.
 * New classes get new outputs: the output layer grows, keeping every old class's weights, so old classes are read
 * as before from the first step.
 */
public final class FineTuning {
    public enum Trainable {
        /** The dense layers and the output; convolutions frozen. */
        HEAD,
        /** Every layer, gently. */
        ALL
    }

    /** What was frozen, for the model card: layers 0..{@code frozenThrough} (-1 when nothing is). */
    public record Prepared(MultiLayerNetwork network, ClassNames classes, int frozenThrough, List<String> newClasses) {
    }

    private FineTuning() {
    }

    /**
     * The classes after fine-tuning: the base model's, in their order, then any class the user's data adds.
     */
    public static ClassNames extend(ClassNames base, ClassNames user) {
        List<String> names = new ArrayList<>(base.names());
        for (String n : user.names()) if (!names.contains(n)) names.add(n);
        return new ClassNames(names);
    }

    public static Prepared prepare(MultiLayerNetwork base, ClassNames baseClasses, ClassNames target, Trainable what,
                                   double learningRate, long seed) {
        int outputIndex = base.getnLayers() - 1;
        if (!(base.getLayer(outputIndex).conf().getLayer() instanceof OutputLayer oldOutput)) {
            throw new IllegalArgumentException("the base model does not end in an output layer: it cannot be fine-tuned");
        }
        if (!target.names().subList(0, baseClasses.size()).equals(baseClasses.names())) {
            throw new IllegalArgumentException("the new classes must come after the base model's own");
        }
        int frozenThrough = what == Trainable.HEAD ? headStart(base) - 1 : -1;
        TransferLearning.Builder builder = new TransferLearning.Builder(base)
                .fineTuneConfiguration(new FineTuneConfiguration.Builder().updater(new Adam(learningRate)).seed(seed).build());
        if (frozenThrough >= 0) builder.setFeatureExtractor(frozenThrough);
        boolean grows = target.size() > baseClasses.size();
        if (grows) {
            InputPreProcessor pre = base.getLayerWiseConfigurations().getInputPreProcess(outputIndex);
            OutputLayer.Builder output = new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                    .nIn(oldOutput.getNIn()).nOut(target.size()).activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER);
            if (oldOutput.getIDropout() != null) output.dropOut(oldOutput.getIDropout().clone());
            builder.removeOutputLayer().addLayer(output.build());
            if (pre != null) builder.setInputPreProcessor(outputIndex, pre.clone());
        }
        MultiLayerNetwork tuned = builder.build();
        if (grows) keepOldOutputs(base, tuned, baseClasses.size());
        List<String> added = target.names().subList(baseClasses.size(), target.size());
        return new Prepared(tuned, target, frozenThrough, List.copyOf(added));
    }

    /**
     * The first layer of the classifier head: the first dense layer after the last convolution. A network without
     * convolutions has no feature extractor to keep apart, so its head is the output layer alone.
     */
    static int headStart(MultiLayerNetwork net) {
        int lastConv = -1;
        for (int i = 0; i < net.getnLayers(); i++) {
            if (net.getLayer(i).conf().getLayer() instanceof ConvolutionLayer) lastConv = i;
        }
        if (lastConv < 0) return net.getnLayers() - 1;
        for (int i = lastConv + 1; i < net.getnLayers(); i++) {
            if (net.getLayer(i).conf().getLayer() instanceof DenseLayer) return i;
        }
        return net.getnLayers() - 1;
    }

    /** The grown output layer starts with the old classes' weights and biases: they read exactly as before. */
    private static void keepOldOutputs(MultiLayerNetwork base, MultiLayerNetwork tuned, int oldClasses) {
        int out = tuned.getnLayers() - 1;
        var oldW = base.getLayer(out).getParam("W");
        var oldB = base.getLayer(out).getParam("b");
        tuned.getLayer(out).getParam("W").get(NDArrayIndex.all(), NDArrayIndex.interval(0, oldClasses)).assign(oldW);
        tuned.getLayer(out).getParam("b").get(NDArrayIndex.all(), NDArrayIndex.interval(0, oldClasses)).assign(oldB);
    }
}
