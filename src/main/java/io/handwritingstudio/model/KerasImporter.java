package io.handwritingstudio.model;

import org.deeplearning4j.nn.modelimport.keras.KerasModelImport;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

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
        InputLayout layout = List.of(784).equals(checkDeclaredInput(file)) ? InputLayout.FLAT : InputLayout.NHWC;
        MultiLayerNetwork network;
        try {
            network = KerasModelImport.importKerasSequentialModelAndWeights(file.toString(), false);
        } catch (Exception | UnsatisfiedLinkError e) {
            throw new ModelLoadException(file.getFileName() + ": cannot import this Keras model ("
                    + ModelStore.reason(e) + "). Handwriting Studio imports Keras 2 Sequential .h5 files", e);
        }
        checkInput(file, network, layout);
        int outputs = (int) network.layerSize(network.getnLayers() - 1);
        ModelCard card = ModelStore.readCard(file, outputs);
        if (card.format() == null || card.format().equals("dl4j")) {
            card = ModelStore.minimalCard(file, outputs, "keras");
        }
        return new TrainedModel(network, card, layout);
    }

    /** Reads the input shape the Keras model declares, so a model for other images is refused by name. */
    private static List<Integer> checkDeclaredInput(Path file) throws ModelLoadException {
        String config;
        try (Hdf5Archive archive = new Hdf5Archive(file.toString())) {
            config = archive.readAttributeAsJson("model_config");
        } catch (Exception | UnsatisfiedLinkError e) {
            throw new ModelLoadException(file.getFileName() + ": not a Keras .h5 model (" + ModelStore.reason(e) + ")", e);
        }
        List<Integer> shape = declaredInputShape(config);
        if (shape != null && !ACCEPTED_SHAPES.contains(shape)) {
            throw new ModelLoadException(file.getFileName() + ": the model expects input of shape "
                    + shape.stream().map(String::valueOf).collect(Collectors.joining("x"))
                    + ", but Handwriting Studio models read 28x28x1 grey images");
        }
        return shape;
    }

    /** The first batch_input_shape (Keras 2) or batch_shape (Keras 3) without the batch dimension, or null. */
    static List<Integer> declaredInputShape(String modelConfigJson) throws ModelLoadException {
        try {
            JsonNode root = new ObjectMapper().readTree(modelConfigJson);
            JsonNode shape = root.findValue("batch_input_shape");
            if (shape == null) shape = root.findValue("batch_shape");
            if (shape == null || !shape.isArray()) return null;
            List<Integer> dims = new java.util.ArrayList<>();
            for (int i = 1; i < shape.size(); i++) dims.add(shape.get(i).isNull() ? -1 : shape.get(i).asInt());
            return dims;
        } catch (java.io.IOException e) {
            throw new ModelLoadException("unreadable Keras model_config: " + e.getMessage(), e);
        }
    }

    private static final java.util.Set<List<Integer>> ACCEPTED_SHAPES =
            java.util.Set.of(List.of(28, 28, 1), List.of(28, 28), List.of(784));

    /** Runs one blank image through the network: a model built for other shapes fails here, not later. */
    private static void checkInput(Path file, MultiLayerNetwork network, InputLayout layout) throws ModelLoadException {
        try {
            INDArray probe = layout.shape(Nd4j.zeros(1, 784), 1);
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
