package io.handwritingstudio.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The model file: Deeplearning4j's zip layout ({@code configuration.json}, {@code coefficients.bin},
 * {@code updaterState.bin}, so DL4J's own {@code ModelSerializer} still reads it) with the model card inside as
 * {@code handwriting-studio/card.json}. Network and card are one file, replaced by one rename: no crash can pair a new
 * network with an old card.
 * <p>
 * Read with limits instead of through {@code ModelSerializer}, which inflates every entry into memory whatever its
 * size and allocates whatever an array header claims: here each entry is read up to what the configuration makes
 * plausible, parameter counts must match the configuration exactly, and every weight must be a finite number.
 */
final class ModelZip {
    static final String CONFIGURATION = "configuration.json";
    static final String COEFFICIENTS = "coefficients.bin";
    static final String UPDATER = "updaterState.bin";
    static final String CARD = "handwriting-studio/card.json";
    /** 100 times the largest bundled network (198,442): room for any network a learner designs on a CPU. */
    static final long MAX_PARAMETERS = 20_000_000;
    static final int MAX_JSON_BYTES = 4 << 20;
    private static final int HEADER_BYTES = 4096;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelZip() {
    }

    /** What a model file holds; {@code card} is null for files saved before cards moved inside. */
    record Contents(MultiLayerNetwork network, ModelCard card) {
    }

    static void write(MultiLayerNetwork network, ModelCard card, boolean withUpdater, OutputStream target) throws IOException {
        write(network, card, withUpdater, java.util.Map.of(), target);
    }

    /** @param attachments more entries (e.g. the training timeline) by name, under {@code handwriting-studio/} */
    static void write(MultiLayerNetwork network, ModelCard card, boolean withUpdater,
                      java.util.Map<String, byte[]> attachments, OutputStream target) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(target);
        zip.putNextEntry(new ZipEntry(CONFIGURATION));
        zip.write(FastReLU.standard(network.getLayerWiseConfigurations()).toJson().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        writeArray(zip, COEFFICIENTS, network.params());
        INDArray updaterState = withUpdater && network.getUpdater() != null ? network.getUpdater().getStateViewArray() : null;
        if (updaterState != null && updaterState.length() > 0) writeArray(zip, UPDATER, updaterState);
        zip.putNextEntry(new ZipEntry(CARD));
        zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(card));
        zip.closeEntry();
        for (var a : new java.util.TreeMap<>(attachments).entrySet()) {
            if (!a.getKey().startsWith("handwriting-studio/") || a.getKey().equals(CARD)) {
                throw new IllegalArgumentException("attachment names live under handwriting-studio/: " + a.getKey());
            }
            zip.putNextEntry(new ZipEntry(a.getKey()));
            zip.write(a.getValue());
            zip.closeEntry();
        }
        zip.finish();
    }

    private static void writeArray(ZipOutputStream zip, String name, INDArray array) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        DataOutputStream out = new DataOutputStream(zip);
        Nd4j.write(array, out);
        out.flush();
        zip.closeEntry();
    }

    static Contents read(Path file, boolean withUpdater) throws ModelLoadException {
        String name = file.getFileName().toString();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            MultiLayerConfiguration conf = configuration(zip, name);
            long parameters = parameterCount(conf, name);
            float[] weights = Nd4jArrayFile.readVector(entry(zip, COEFFICIENTS, 4 * parameters + HEADER_BYTES, name),
                    parameters, name + ": " + COEFFICIENTS);
            requireFinite(weights, name + ": " + COEFFICIENTS);
            conf.setDataType(DataType.FLOAT);
            MultiLayerNetwork network = new MultiLayerNetwork(conf);
            network.init(Nd4j.create(weights, new long[]{weights.length}, 'c'), false);
            if (withUpdater) restoreUpdater(zip, network, name);
            return new Contents(network, card(zip, name));
        } catch (ModelLoadException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // ZipFile reports damage as ZipException, zip64 oddities as IllegalArgumentException
            throw new ModelLoadException(name + ": not a valid model file (truncated or corrupt zip, or not a"
                    + " Deeplearning4j model): " + ModelStore.reason(e), e);
        }
    }

    private static MultiLayerConfiguration configuration(ZipFile zip, String name) throws IOException {
        String json = new String(entry(zip, CONFIGURATION, MAX_JSON_BYTES, name), StandardCharsets.UTF_8);
        try {
            return MultiLayerConfiguration.fromJson(json);
        } catch (RuntimeException e) {
            throw new ModelLoadException(name + ": " + CONFIGURATION + " is not a Deeplearning4j network configuration ("
                    + ModelStore.reason(e) + ")", e);
        }
    }

    /** What the configuration's layers need, summed before anything is allocated. */
    static long parameterCount(MultiLayerConfiguration conf, String name) throws ModelLoadException {
        long total = 0;
        try {
            for (NeuralNetConfiguration layer : conf.getConfs()) {
                total += layer.getLayer().initializer().numParams(layer);
                if (total > MAX_PARAMETERS || total < 0) {
                    throw new ModelLoadException(name + ": the network would have more than " + MAX_PARAMETERS
                            + " parameters, the limit for a model file");
                }
            }
        } catch (ModelLoadException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ModelLoadException(name + ": " + CONFIGURATION + " describes layers that cannot be built ("
                    + ModelStore.reason(e) + ")", e);
        }
        if (total == 0) throw new ModelLoadException(name + ": the network has no parameters");
        return total;
    }

    private static void restoreUpdater(ZipFile zip, MultiLayerNetwork network, String name) throws IOException {
        INDArray view = network.getUpdater() == null ? null : network.getUpdater().getStateViewArray();
        if (view == null || view.length() == 0 || zip.getEntry(UPDATER) == null) return;
        float[] state = Nd4jArrayFile.readVector(entry(zip, UPDATER, 4 * view.length() + HEADER_BYTES, name),
                view.length(), name + ": " + UPDATER);
        requireFinite(state, name + ": " + UPDATER);
        network.getUpdater().setStateViewArray(network, Nd4j.create(state, new long[]{1, state.length}, 'c'), false);
    }

    /** An attachment's bytes, read no further than {@code maxBytes}; empty when the file has none of that name. */
    static java.util.Optional<byte[]> attachment(Path file, String entryName, long maxBytes) throws IOException {
        io.handwritingstudio.files.SafeFiles.requireRegularFile(file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry(entryName) == null) return java.util.Optional.empty();
            return java.util.Optional.of(entry(zip, entryName, maxBytes, file.getFileName().toString()));
        }
    }

    /** Just the card inside a model file (null when it has none), without building the network. */
    /** Whether {@code file} is a Deeplearning4j model zip (ours or anyone's): what a save may replace. */
    static boolean isModelFile(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.getEntry(CONFIGURATION) != null && zip.getEntry(COEFFICIENTS) != null;
        } catch (IOException | RuntimeException notAZip) {
            return false;
        }
    }

    static ModelCard readCard(Path file) throws IOException {
        io.handwritingstudio.files.SafeFiles.requireRegularFile(file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return card(zip, file.getFileName().toString());
        }
    }

    private static ModelCard card(ZipFile zip, String name) throws IOException {
        if (zip.getEntry(CARD) == null) return null;
        return ModelCardReader.parse(entry(zip, CARD, ModelCardReader.MAX_BYTES, name), name + ": its card");
    }

    /** An entry's bytes, counted as they inflate: a header claiming 1 KB cannot smuggle in 2 GB. */
    private static byte[] entry(ZipFile zip, String entryName, long maxBytes, String name) throws IOException {
        ZipEntry e = zip.getEntry(entryName);
        if (e == null) throw new ModelLoadException(name + ": not a model file (no " + entryName + " inside)");
        if (e.getSize() > maxBytes) throw tooLarge(name, entryName, maxBytes);
        try (InputStream in = zip.getInputStream(e)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxBytes + 1));
            if (bytes.length > maxBytes) throw tooLarge(name, entryName, maxBytes);
            return bytes;
        }
    }

    private static ModelLoadException tooLarge(String name, String entry, long maxBytes) {
        return new ModelLoadException(name + ": " + entry + " is larger than this network can need ("
                + maxBytes + " bytes): not a genuine model file");
    }

    private static void requireFinite(float[] values, String what) throws ModelLoadException {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new ModelLoadException(what + " holds " + (Float.isNaN(values[i]) ? "NaN" : "an infinite value")
                        + " at position " + i + ": the weights are corrupt");
            }
        }
    }
}
