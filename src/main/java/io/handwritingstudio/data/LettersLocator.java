package io.handwritingstudio.data;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the shared {@code letters} folder, which is never copied into the repo: property {@code hws.letters.dir},
 * env {@code HWS_LETTERS_DIR}, {@code ../shared/data/letters} from the working directory, then next to the jar's parents.
 */
public final class LettersLocator {
    static final String MARKER = "letters-test-images-idx3-ubyte.gz";

    private LettersLocator() {}

    public static Optional<Path> locate() {
        return candidates().stream().filter(LettersLocator::looksRight).findFirst();
    }

    /** The folder, or an exception saying everywhere we looked. */
    public static Path require() throws java.io.FileNotFoundException {
        return locate().orElseThrow(() -> new java.io.FileNotFoundException(
                "letters dataset folder not found; looked in " + candidates()
                        + " (set -Dhws.letters.dir=DIR or HWS_LETTERS_DIR)"));
    }

    static List<Path> candidates() {
        List<Path> out = new ArrayList<>();
        String prop = System.getProperty("hws.letters.dir");
        if (prop != null && !prop.isBlank()) out.add(Path.of(prop));
        String env = System.getenv("HWS_LETTERS_DIR");
        if (env != null && !env.isBlank()) out.add(Path.of(env));
        String shared = System.getProperty("shared.data.dir"); // set by the Maven test setup
        if (shared != null && !shared.isBlank()) out.add(Path.of(shared, "letters"));
        out.add(Path.of("..", "shared", "data", "letters").toAbsolutePath().normalize());
        jarDir().ifPresent(dir -> {
            for (Path p = dir.getParent(); p != null; p = p.getParent()) out.add(p.resolve("shared/data/letters"));
        });
        return out.stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList();
    }

    private static boolean looksRight(Path dir) {
        return Files.isRegularFile(dir.resolve(MARKER));
    }

    private static Optional<Path> jarDir() {
        try {
            var src = LettersLocator.class.getProtectionDomain().getCodeSource();
            if (src == null) return Optional.empty();
            Path p = Path.of(src.getLocation().toURI());
            return Optional.ofNullable(Files.isDirectory(p) ? p : p.getParent());
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
