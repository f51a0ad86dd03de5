package io.handwritingstudio.model;

import java.nio.charset.StandardCharsets;

/**
 * libFuzzer target: any text as a Keras model_config, checked as a .h5 import checks it before reading weights.
 * The HDF5 container itself is parsed by the native HDF5 library, which an in-process Java fuzzer cannot usefully
 * instrument; what this covers is all the Java that reads what the container holds.
 */
public final class KerasConfigFuzzer {
    private KerasConfigFuzzer() {
    }

    /** Called once before fuzzing: the native backend's start-up (seconds) is not an input's time. */
    public static void fuzzerInitialize() {
        EngineSetup.init();
    }

    public static void fuzzerTestOneInput(byte[] input) {
        try {
            KerasImporter.checkConfiguration("model.h5", new String(input, StandardCharsets.UTF_8));
        } catch (ModelLoadException refused) {
            // a clear refusal is the right answer to a bad configuration
        }
    }
}
