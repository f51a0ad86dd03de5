package io.handwritingstudio.inference;

import io.handwritingstudio.fuzz.FuzzFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** libFuzzer target: any bytes as an image file; the outcome is a picture or an {@link ImageReadException}. */
public final class ImageFuzzer {
    private static final Path FILE = FuzzFiles.scratch("image");

    private ImageFuzzer() {
    }

    public static void fuzzerTestOneInput(byte[] input) throws IOException {
        Files.write(FILE, input);
        try {
            new MnistPreprocessor().preprocess(ImageFiles.read(FILE));
        } catch (ImageReadException refused) {
            // a clear refusal is the right answer to bad bytes
        }
    }
}
