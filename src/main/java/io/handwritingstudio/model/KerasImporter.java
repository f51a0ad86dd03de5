package io.handwritingstudio.model;

import io.handwritingstudio.data.MnistFormat;

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

    /** Every HDF5 file starts with these 8 bytes; anything else is refused before the native library sees it. */
    private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    static TrainedModel load(Path file) throws ModelLoadException {
        EngineSetup.init();
        requireHdf5(file);
        quietHdf5();
        String[] config = modelConfig(file);
        Checked checked = checkConfiguration(file.getFileName().toString(), config[0], config[1], config[2]);
        long stored = storedWeightCount(file);
        if (stored != checked.parameters()) {
            throw new ModelLoadException(String.format(java.util.Locale.ROOT, "%s: its weights hold %,d numbers but the"
                    + " layers its configuration describes need %,d: configuration and weights do not belong together",
                    file.getFileName(), stored, checked.parameters()));
        }
        InputLayout layout = List.of(MnistFormat.PIXELS).equals(checked.shape()) ? InputLayout.FLAT : InputLayout.NHWC;
        MultiLayerNetwork network;
        try {
            network = KerasModelImport.importKerasSequentialModelAndWeights(file.toString(), false);
        } catch (Exception | UnsatisfiedLinkError | StackOverflowError e) {
            throw new ModelLoadException(file.getFileName() + ": cannot import this Keras model ("
                    + ModelStore.reason(e) + "). Handwriting Studio imports Keras 2 Sequential .h5 files", e);
        }
        requireFinite(file, network);
        checkInput(file, network, layout);
        int outputs = (int) network.layerSize(network.getnLayers() - 1);
        ModelCard card = ModelStore.readCard(file, outputs);
        if (card.format() == null || card.format().equals("dl4j")) {
            card = ModelStore.minimalCard(file, outputs, "keras");
        }
        return new TrainedModel(network, card, layout);
    }

    /**
     * Everything that can be checked from the model_config JSON alone, before any weight is read: it parses (with
     * nesting limits), declares 28x28x1 input, describes a network DL4J can build, and that network is of a sane size.
     */
    static Checked checkConfiguration(String name, String config, String kerasVersion, String backend)
            throws ModelLoadException {
        List<Integer> shape = declaredInputShape(config);
        if (shape != null && !ACCEPTED_SHAPES.contains(shape)) {
            throw new ModelLoadException(name + ": the model expects input of shape "
                    + shape.stream().map(String::valueOf).collect(Collectors.joining("x"))
                    + ", but Handwriting Studio models read 28x28x1 grey images");
        }
        try {
            // .h5 files keep keras_version and backend beside the config; without them DL4J reads the config as
            // Keras 1 with Theano's channels-first images, and builds another network
            com.fasterxml.jackson.databind.node.ObjectNode root =
                    (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().readTree(config);
            if (kerasVersion != null && !root.has("keras_version")) root.put("keras_version", kerasVersion);
            if (backend != null && !root.has("backend")) root.put("backend", backend);
            var conf = new org.deeplearning4j.nn.modelimport.keras.utils.KerasModelBuilder(
                    new org.deeplearning4j.nn.modelimport.keras.config.KerasModelConfiguration())
                    .modelJson(root.toString()).enforceTrainingConfig(false).buildSequential().getMultiLayerConfiguration();
            return new Checked(shape, ModelZip.parameterCount(conf, name));
        } catch (ModelLoadException e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            throw new ModelLoadException(name + ": cannot import this Keras model (" + ModelStore.reason(e)
                    + "). Handwriting Studio imports Keras 2 Sequential .h5 files", e);
        }
    }

    /** @param shape the declared input shape, or null when the config declares none */
    record Checked(List<Integer> shape, long parameters) {
    }

    /** The model_config attribute (the whole architecture as JSON), keras_version and backend (each or null). */
    private static String[] modelConfig(Path file) throws ModelLoadException {
        try (Hdf5Archive archive = new Hdf5Archive(file.toString())) {
            String version = archive.hasAttribute("keras_version") ? archive.readAttributeAsString("keras_version") : null;
            String backend = archive.hasAttribute("backend") ? archive.readAttributeAsString("backend") : null;
            return new String[]{archive.readAttributeAsJson("model_config"), version, backend};
        } catch (Exception | UnsatisfiedLinkError e) {
            throw new ModelLoadException(file.getFileName() + ": not a Keras .h5 model (" + ModelStore.reason(e) + ")", e);
        }
    }

    private static void requireHdf5(Path file) throws ModelLoadException {
        byte[] head;
        try (var in = java.nio.file.Files.newInputStream(file)) {
            head = in.readNBytes(HDF5_SIGNATURE.length);
        } catch (java.io.IOException e) {
            throw new ModelLoadException(file.getFileName() + ": cannot be read (" + e.getMessage() + ")", e);
        }
        if (!java.util.Arrays.equals(head, HDF5_SIGNATURE)) {
            throw new ModelLoadException(file.getFileName() + ": not a Keras .h5 model (no HDF5 signature)");
        }
    }

    /**
     * The HDF5 library prints its whole error stack (26-41 "HDF5-DIAG" lines) to stderr before DL4J turns the error
     * into an exception; we report the exception in one line, so the printing is switched off.
     */
    private static void quietHdf5() {
        try {
            org.bytedeco.javacpp.Loader.load(org.bytedeco.hdf5.global.hdf5.class);
            org.bytedeco.hdf5.global.hdf5.H5Eset_auto2(org.bytedeco.hdf5.global.hdf5.H5E_DEFAULT, null, null);
            org.bytedeco.hdf5.Exception.dontPrint();
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            // without the native library the import fails below with its own message
        }
    }

    /** How many numbers the file's weight datasets hold (dimensions only: nothing is read into memory). */
    private static long storedWeightCount(Path file) throws ModelLoadException {
        try (Hdf5Archive archive = new Hdf5Archive(file.toString())) {
            return countWeights(archive, new java.util.ArrayList<>(List.of("model_weights")));
        } catch (Exception | UnsatisfiedLinkError e) {
            throw new ModelLoadException(file.getFileName() + ": not a Keras model with weights (" + ModelStore.reason(e) + ")", e);
        }
    }

    private static long countWeights(Hdf5Archive archive, List<String> path) {
        String[] groups = path.toArray(String[]::new);
        long total = 0;
        for (String dataSet : archive.getDataSets(groups)) {
            org.bytedeco.hdf5.Group[] open = archive.openGroups(groups);
            try (org.bytedeco.hdf5.DataSet d = open[open.length - 1].openDataSet(dataSet);
                 org.bytedeco.hdf5.DataSpace space = d.getSpace()) {
                total += space.getSimpleExtentNpoints();
            } finally {
                archive.closeGroups(open);
            }
        }
        for (String group : archive.getGroups(groups)) {
            path.add(group);
            total += countWeights(archive, path);
            path.remove(path.size() - 1);
        }
        return total;
    }

    private static void requireFinite(Path file, MultiLayerNetwork network) throws ModelLoadException {
        INDArray params = network.params();
        double sum = params.sumNumber().doubleValue();
        if (!Double.isFinite(sum)) {
            throw new ModelLoadException(file.getFileName() + ": its weights hold NaN or infinite values: the file is corrupt");
        }
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
            throw new ModelLoadException("unreadable Keras model_config: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    private static final java.util.Set<List<Integer>> ACCEPTED_SHAPES =
            java.util.Set.of(List.of(MnistFormat.SIDE, MnistFormat.SIDE, 1), List.of(MnistFormat.SIDE, MnistFormat.SIDE), List.of(MnistFormat.PIXELS));

    /** Runs one blank image through the network: a model built for other shapes fails here, not later. */
    private static void checkInput(Path file, MultiLayerNetwork network, InputLayout layout) throws ModelLoadException {
        try {
            INDArray probe = layout.shape(Nd4j.zeros(1, MnistFormat.PIXELS), 1);
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
