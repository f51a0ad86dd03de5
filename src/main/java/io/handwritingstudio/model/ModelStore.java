package io.handwritingstudio.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Saves and loads models: the DL4J zip plus its card ({@code <name>.json}), or a Keras {@code .h5} for inference.
 * Saves are atomic (temp file + move), so a crash mid-save never leaves a half-written model where a good one was.
 */
public final class ModelStore {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelStore() {
    }

    /** The card file that belongs to a model file: {@code models/mnist.zip -> models/mnist.json}. */
    public static Path cardPath(Path modelFile) {
        String name = modelFile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return modelFile.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".json");
    }

    public static void save(MultiLayerNetwork network, ModelCard card, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmpModel = Files.createTempFile(dir, ".saving-", ".zip");
        Path tmpCard = Files.createTempFile(dir, ".saving-", ".json");
        try {
            ModelSerializer.writeModel(network, tmpModel.toFile(), true);
            JSON.writeValue(tmpCard.toFile(), card);
            moveAtomically(tmpModel, file);
            moveAtomically(tmpCard, cardPath(file));
        } finally {
            Files.deleteIfExists(tmpModel);
            Files.deleteIfExists(tmpCard);
        }
    }

    public static void writeCard(ModelCard card, Path modelFile) throws IOException {
        Path target = cardPath(modelFile);
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".saving-", ".json");
        try {
            JSON.writeValue(tmp.toFile(), card);
            moveAtomically(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        readableByAll(from);
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Temp files are created owner-only; a saved model should be as readable as any file the user writes. */
    private static void readableByAll(Path file) {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (IOException | UnsupportedOperationException ignored) {
            // not a POSIX file system: keep the default permissions
        }
    }

    /** Loads a DL4J zip or a Keras .h5 model. Every failure is a {@link ModelLoadException} with one clear line. */
    public static TrainedModel load(Path file) throws ModelLoadException {
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException(file + ": no such model file");
        }
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".h5") || lower.endsWith(".hdf5") || lower.endsWith(".keras")) {
            return KerasImporter.load(file);
        }
        return loadZip(file);
    }

    /** Loads the network with its updater state, to continue training. */
    public static MultiLayerNetwork loadForTraining(Path file) throws ModelLoadException {
        try {
            EngineSetup.init();
            return ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true);
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException(file.getFileName() + ": not a readable model (" + reason(e) + ")", e);
        }
    }

    private static TrainedModel loadZip(Path file) throws ModelLoadException {
        MultiLayerNetwork network;
        try {
            EngineSetup.init();
            network = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false);
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException(file.getFileName()
                    + ": not a valid model file (truncated or corrupt zip, or not a Deeplearning4j model): " + reason(e), e);
        }
        int outputs = (int) network.layerSize(network.getnLayers() - 1);
        ModelCard card = readCard(file, outputs);
        if (card.classNames().size() != outputs) {
            throw new ModelLoadException(file.getFileName() + ": its card lists " + card.classNames().size()
                    + " classes but the network has " + outputs + " outputs");
        }
        return new TrainedModel(network, card, InputLayout.FLAT);
    }

    /** The card saved beside a model file, if there is one and it is readable. */
    public static java.util.Optional<ModelCard> card(Path modelFile) {
        try {
            return java.util.Optional.of(JSON.readValue(cardPath(modelFile).toFile(), ModelCard.class));
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    /** The card beside a model, or a minimal one naming classes "0".."n-1" when there is none. */
    static ModelCard readCard(Path modelFile, int outputs) throws ModelLoadException {
        Path cardFile = cardPath(modelFile);
        try {
            return JSON.readValue(cardFile.toFile(), ModelCard.class);
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            return minimalCard(modelFile, outputs, "dl4j");
        } catch (IOException e) {
            if (!Files.exists(cardFile)) return minimalCard(modelFile, outputs, "dl4j");
            throw new ModelLoadException(cardFile.getFileName() + ": unreadable model card: " + reason(e), e);
        }
    }

    static ModelCard minimalCard(Path modelFile, int outputs, String format) {
        String name = modelFile.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        var names = IntStream.range(0, outputs).mapToObj(String::valueOf).toList();
        return new ModelCard(name, format, outputs == 10 ? "mnist" : null, names, null, null, null, null, null, null,
                ModelCard.PREPROCESSING, "28x28x1", null, null, "no model card found; class names are output indices");
    }

    static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String msg = root.getMessage();
        return root.getClass().getSimpleName() + (msg == null ? "" : ": " + msg.lines().findFirst().orElse(""));
    }
}
