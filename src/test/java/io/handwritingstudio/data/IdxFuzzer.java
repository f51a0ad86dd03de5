package io.handwritingstudio.data;

import io.handwritingstudio.fuzz.FuzzFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * libFuzzer target: any bytes as an IDX image or label file (raw or gzip), read as a dataset file is, with a checksum
 * to verify. The only acceptable outcomes are data or an {@link IOException} saying what is wrong.
 */
public final class IdxFuzzer {
    private static final Path FILE = FuzzFiles.scratch("idx");
    private static final DatasetFile EXPECTED = new DatasetFile("idx", "0".repeat(64), true);

    private IdxFuzzer() {
    }

    public static void fuzzerTestOneInput(byte[] input) throws IOException {
        Files.write(FILE, input);
        try {
            IdxReader.readImages(FILE, EXPECTED);
        } catch (IOException refused) {
            // a clear refusal is the right answer to bad bytes
        }
        try {
            IdxReader.readLabels(FILE);
        } catch (IOException refused) {
            // likewise
        }
    }
}
