package io.handwritingstudio.model;

import io.handwritingstudio.fuzz.FuzzFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * libFuzzer target: any bytes as a model file (.zip with its card inside), and as a model card beside a model saved
 * in the old layout. The only acceptable outcome besides a model is a {@link ModelLoadException}.
 */
public final class ModelFileFuzzer {
    private static final Path ZIP = FuzzFiles.scratch("model.zip");

    private ModelFileFuzzer() {
    }

    /** Called once before fuzzing: the backend's start-up and class loading (seconds) are no input's time. */
    public static void fuzzerInitialize() throws IOException {
        EngineSetup.init();
        try (var seed = ModelFileFuzzer.class.getResourceAsStream("/fuzz/model/tiny-zip")) {
            fuzzerTestOneInput(seed.readAllBytes());
        }
    }

    public static void fuzzerTestOneInput(byte[] input) throws IOException {
        Files.write(ZIP, input);
        try {
            ModelStore.load(ZIP);
        } catch (ModelLoadException refused) {
            // a clear refusal is the right answer to bad bytes
        }
        try {
            ModelCardReader.parse(input, "card");
        } catch (ModelLoadException refused) {
            // likewise
        }
    }
}
