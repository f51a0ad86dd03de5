package io.handwritingstudio.model;

import org.deeplearning4j.nn.modelimport.keras.KerasModelImport;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;

/**
 * Imports a Keras 2 Sequential {@code .h5} MNIST model (the seed project's format) for inference.
 * The training config is not enforced: TF >= 2.11 stores its optimizer as "Custom>Adam", which DL4J cannot read.
 * A model for other inputs than 28x28x1 grey images is refused.
 */
final class KerasImporter {
    private KerasImporter() {
    }

    static TrainedModel load(Path file) throws ModelLoadException {
        EngineSetup.init();
        MultiLayerNetwork network;
        try {
            network = KerasModelImport.importKerasSequentialModelAndWeights(file.toString(), false);
        } catch (Exception | UnsatisfiedLinkError e) {
            throw new ModelLoadException(file.getFileName() + ": cannot import this Keras model ("
                    + ModelStore.reason(e) + "). Handwriting Studio imports Keras 2 Sequential .h5 files", e);
        }
        checkInput(file, network);
        int outputs = (int) network.layerSize(network.getnLayers() - 1);
        ModelCard card = ModelStore.readCard(file, outputs);
        if (card.format() == null || card.format().equals("dl4j")) {
            card = ModelStore.minimalCard(file, outputs, "keras");
        }
        return new TrainedModel(network, card, InputLayout.NHWC);
    }

    /** Runs one blank image through the network: a model built for other shapes fails here, not later. */
    private static void checkInput(Path file, MultiLayerNetwork network) throws ModelLoadException {
        try {
            INDArray probe = Nd4j.zeros(1, 28, 28, 1);
            INDArray out = network.output(probe, false);
            if (out.rank() != 2) {
                throw new ModelLoadException(file.getFileName() + ": output has shape "
                        + java.util.Arrays.toString(out.shape()) + ", expected one probability per class");
            }
        } catch (ModelLoadException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ModelLoadException(file.getFileName() + ": this model does not take 28x28x1 grey images ("
                    + ModelStore.reason(e) + ")", e);
        }
    }
}
