package io.handwritingstudio.training;

import io.handwritingstudio.data.ClassNames;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Makes a trained classifier treat every class as equally likely. A softmax trained with cross-entropy learns the
 * training split's class shares as a prior: the letters' training split follows NIST's letter frequencies (E 5.8×
 * as often as K), while people drawing letters, and the near-balanced test split, do not. Lowering each output bias
 * by the log of its class's share divides every class's probability by that share and renormalises ("post-hoc
 * logit adjustment", Menon et al., ICLR 2021): one fixed rule, nothing fitted to the test split. A training split
 * that is already balanced is left as it was (the shift is the same for every class).
 */
public final class UniformPrior {
    /** How a model card's hyperparameters record that the rule was applied ({@code "classPrior"}). */
    public static final String CARD_VALUE = "uniform: output bias lowered by log(class share of the training images)";

    private UniformPrior() {
    }

    /**
     * Why the rule cannot apply to this training split, or null. Checked before training: a class without training
     * images has no share to divide by.
     */
    public static String problem(int[] classCounts, ClassNames classes) {
        for (int c = 0; c < classCounts.length; c++) {
            if (classCounts[c] == 0) return "class " + classes.name(c) + " has no training images, so it has no share to correct";
        }
        return null;
    }

    /** Shifts the output layer's bias of {@code network} by −log(share) of each class, in place. */
    public static void apply(MultiLayerNetwork network, int[] classCounts) {
        int last = network.getnLayers() - 1;
        if (!(network.getLayer(last).conf().getLayer() instanceof BaseOutputLayer out)
                || !(out.getActivationFn() instanceof ActivationSoftmax)) {
            throw new IllegalArgumentException("every class equally likely needs a softmax output layer");
        }
        INDArray bias = network.getLayer(last).getParam("b");
        if (bias.length() != classCounts.length) {
            throw new IllegalArgumentException("the output layer has " + bias.length() + " classes, the data " + classCounts.length);
        }
        double total = 0;
        for (int count : classCounts) total += count;
        for (int c = 0; c < classCounts.length; c++) {
            bias.putScalar(c, bias.getDouble(c) - Math.log(classCounts[c] / total));
        }
    }
}
