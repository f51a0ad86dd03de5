package io.handwritingstudio.model;

import java.nio.charset.StandardCharsets;

/**
 * libFuzzer target: any text as a Keras model_config, checked as a .h5 import checks it before reading weights.
 * The HDF5 container itself is parsed by the native HDF5 library, which an in-process Java fuzzer cannot usefully
 * instrument; what this covers is all the Java that reads what the container holds.
 */
public final class KerasConfigFuzzer {
    /** As the seed's .h5 files declare: configs are read the Keras 2 way. */
    private static final String KERAS = "2.15.0";

    private KerasConfigFuzzer() {
    }

    /**
     * Called once before fuzzing: the native backend's start-up and the loading (and instrumenting) of DL4J's Keras
     * classes take seconds, which is no input's time, so a real configuration is checked once first.
     */
    public static void fuzzerInitialize() throws Exception {
        EngineSetup.init();
        try (var seed = KerasConfigFuzzer.class.getResourceAsStream("/fuzz/keras/sequential-config")) {
            KerasImporter.checkConfiguration("warm-up.h5", new String(seed.readAllBytes(), StandardCharsets.UTF_8), KERAS, "tensorflow");
        }
    }

    public static void fuzzerTestOneInput(byte[] input) {
        try {
            KerasImporter.checkConfiguration("model.h5", new String(input, StandardCharsets.UTF_8), KERAS, "tensorflow");
        } catch (ModelLoadException refused) {
            // a clear refusal is the right answer to a bad configuration
        }
    }
}
