package io.handwritingstudio.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fuzz targets read files, as the product does: each gets one scratch file, rewritten for every input. */
public final class FuzzFiles {
    private FuzzFiles() {
    }

    public static Path scratch(String name) {
        try {
            Path dir = Files.createTempDirectory("hws-fuzz-" + name);
            dir.toFile().deleteOnExit();
            return dir.resolve(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
