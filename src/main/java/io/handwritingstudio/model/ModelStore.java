package io.handwritingstudio.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.handwritingstudio.files.AtomicFiles;
import io.handwritingstudio.files.SafeFiles;
import io.handwritingstudio.files.UserFileException;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Saves and loads models: a DL4J zip with its card inside ({@link ModelZip}), or a Keras {@code .h5} for inference.
 * Saves are atomic, so a crash mid-save never leaves a half-written model where a good one was.
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

    /**
     * Saves network and card as one file, atomically; the card is also written beside it as {@code <name>.json} for
     * people to read. The copy inside the zip is the one that counts.
     */
    public static void save(MultiLayerNetwork network, ModelCard card, Path file) throws IOException {
        save(network, card, file, java.util.Map.of());
    }

    /** Saves with attachments kept inside the model file, e.g. its training timeline (names under handwriting-studio/). */
    public static void save(MultiLayerNetwork network, ModelCard card, Path file, java.util.Map<String, byte[]> attachments)
            throws IOException {
        requireSaveTarget(file);
        AtomicFiles.write(file, out -> ModelZip.write(network, card, true, attachments, out));
        writeCard(card, file);
    }

    /** An attachment saved inside a model file; empty for files without it (older models, Keras files). */
    public static Optional<byte[]> attachment(Path modelFile, String name, long maxBytes) throws IOException {
        String lower = modelFile.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".zip")) return Optional.empty();
        return ModelZip.attachment(modelFile, name, maxBytes);
    }

    /**
     * Where a model may be saved: a .zip (any other name, x.json above all, would be overwritten by the card copy)
     * that is not a folder, a special file or a zip other than a model, beside a card path that is not one either.
     * Checked before training.
     */
    public static void requireSaveTarget(Path file) throws UserFileException {
        requireNetworkTarget(file);
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            throw new UserFileException(file, "a model is saved as a .zip file (its card goes beside it as .json)");
        }
        Path card = cardPath(file);
        SafeFiles.requireWritableTarget(card);
        // the card copy must not replace a file the user keeps: a design file of the same name (train --arch-file
        // mine.json --out mine.zip), or the card that gives a Keras file beside it its class names
        String stem = card.getFileName().toString().substring(0, card.getFileName().toString().length() - ".json".length());
        for (String keras : List.of(".h5", ".hdf5", ".keras")) {
            if (Files.exists(card.resolveSibling(stem + keras))) {
                throw new UserFileException(file, "its card would replace " + card.getFileName() + ", the card of "
                        + stem + keras + " beside it; choose another name");
            }
        }
        if (Files.isRegularFile(card, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try {
                ModelCardReader.read(card);
            } catch (IOException notACard) {
                throw new UserFileException(file, "its card would replace " + card.getFileName()
                        + ", which is not a model card (a design file?); choose another name");
            }
        }
    }

    /** Where a network zip may be written: a new file, or a model zip (ours or DL4J's) that it replaces, nothing else. */
    public static void requireNetworkTarget(Path file) throws UserFileException {
        SafeFiles.requireWritableTarget(file);
        if (Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !ModelZip.isModelFile(file)) {
            throw new UserFileException(file, "it exists and is not a model file (an archive of your own?); choose another name");
        }
    }

    /** The readable copy of the card beside the model. */
    public static void writeCard(ModelCard card, Path modelFile) throws IOException {
        AtomicFiles.write(cardPath(modelFile), out -> JSON.writeValue(out, card));
    }

    /** Loads a DL4J zip or a Keras .h5 model. Every failure is a {@link ModelLoadException} with one clear line. */
    public static TrainedModel load(Path file) throws ModelLoadException {
        requireFile(file);
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".h5") || lower.endsWith(".hdf5") || lower.endsWith(".keras")) {
            return KerasImporter.load(file);
        }
        return loadZip(file);
    }

    /** Loads the network with its updater state, to continue training. */
    public static MultiLayerNetwork loadForTraining(Path file) throws ModelLoadException {
        requireFile(file);
        EngineSetup.init();
        return ModelZip.read(file, true).network();
    }

    private static TrainedModel loadZip(Path file) throws ModelLoadException {
        EngineSetup.init();
        ModelZip.Contents contents = ModelZip.read(file, false);
        MultiLayerNetwork network = contents.network();
        int outputs = (int) network.layerSize(network.getnLayers() - 1);
        ModelCard card = contents.card() != null ? contents.card() : readCard(file, outputs);
        if (card.classNames().size() != outputs) {
            throw new ModelLoadException(file.getFileName() + ": its card lists " + card.classNames().size()
                    + " classes but the network has " + outputs + " outputs");
        }
        return new TrainedModel(network, card, InputLayout.FLAT);
    }

    private static void requireFile(Path file) throws ModelLoadException {
        try {
            SafeFiles.requireRegularFile(file);
        } catch (UserFileException e) {
            throw new ModelLoadException(e.getMessage(), e);
        }
    }

    /** A model's card: the one inside the zip, else the one beside it; empty when there is none or it is unreadable. */
    public static Optional<ModelCard> card(Path modelFile) {
        try {
            ModelCard inside = ModelZip.readCard(modelFile);
            return Optional.of(inside != null ? inside : ModelCardReader.read(cardPath(modelFile)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The card beside a model (files saved before the card moved inside the zip, Keras files), or a minimal one
     * naming classes "0".."n-1" when there is none.
     */
    static ModelCard readCard(Path modelFile, int outputs) throws ModelLoadException {
        Path cardFile = cardPath(modelFile);
        if (!Files.exists(cardFile) && !Files.isSymbolicLink(cardFile)) return minimalCard(modelFile, outputs, "dl4j");
        try {
            return ModelCardReader.read(cardFile);
        } catch (ModelLoadException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelLoadException(cardFile.getFileName() + ": unreadable model card: " + SafeFiles.describe(e), e);
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
