package io.handwritingstudio.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves what a user passes as {@code --model}: a path ({@code .zip} or {@code .h5}) or a bundled name
 * ({@code mnist -> models/mnist.zip}). Bundled models live in {@code models/} beside the working directory or
 * the application jar; the system property {@code hws.models.dir} overrides.
 */
public final class ModelLocator {
    private ModelLocator() {
    }

    public static Path resolve(String modelArg) throws ModelLoadException {
        Path asPath = Path.of(modelArg);
        // anything that exists is the user's file: loading it says what is wrong with it (a folder, a FIFO...)
        if (Files.exists(asPath) || Files.isSymbolicLink(asPath)) return asPath;
        if (modelArg.matches("[A-Za-z0-9_-]+")) {
            for (Path dir : modelDirs()) {
                Path candidate = dir.resolve(modelArg + ".zip");
                if (Files.isRegularFile(candidate)) return candidate;
            }
            throw new ModelLoadException("no model named '" + modelArg + "' (looked for " + modelArg + ".zip in "
                    + modelDirs() + ")");
        }
        throw new ModelLoadException(modelArg + ": no such model file");
    }

    /** The folder bundled models are read from, if there is one. */
    public static Optional<Path> bundledDir() {
        return modelDirs().stream().filter(Files::isDirectory).findFirst();
    }

    static List<Path> modelDirs() {
        List<Path> dirs = new ArrayList<>();
        String override = System.getProperty("hws.models.dir");
        if (override != null) dirs.add(Path.of(override));
        dirs.add(Path.of("models").toAbsolutePath());
        jarDir().ifPresent(d -> {
            dirs.add(d.resolve("models"));
            if (d.getParent() != null) dirs.add(d.getParent().resolve("models"));
        });
        return dirs.stream().distinct().toList();
    }

    private static Optional<Path> jarDir() {
        try {
            Path p = Path.of(ModelLocator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Optional.ofNullable(p.getParent());
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
