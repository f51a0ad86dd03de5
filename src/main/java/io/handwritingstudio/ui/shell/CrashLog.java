package io.handwritingstudio.ui.shell;

import io.handwritingstudio.data.DatasetFetcher;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Catches what nothing else caught: the full trace goes to a log file (written off the JavaFX thread) and one line
 * to the status bar, so a bug costs the user a sentence, not the studio. The file's path is shown in Help.
 */
public final class CrashLog implements Thread.UncaughtExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(CrashLog.class);
    private final Path file;
    private final Consumer<String> statusLine;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "crash-log");
        t.setDaemon(true);
        return t;
    });

    public CrashLog(Path file, Consumer<String> statusLine) {
        this.file = file;
        this.statusLine = statusLine;
    }

    /** The studio's log of uncaught exceptions, beside the dataset cache. */
    public static Path defaultFile() {
        return DatasetFetcher.defaultCacheDir().resolve("logs").resolve("studio-errors.log");
    }

    /** Makes this the handler for every thread, the JavaFX thread included. */
    public CrashLog install() {
        Thread.setDefaultUncaughtExceptionHandler(this);
        if (Platform.isFxApplicationThread()) Thread.currentThread().setUncaughtExceptionHandler(this);
        return this;
    }

    public Path file() {
        return file;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        LOG.error("Uncaught exception on {}", thread.getName(), error);
        String entry = Instant.now() + " on " + thread.getName() + System.lineSeparator() + trace(error);
        writer.submit(() -> append(entry));
        String line = "Something went wrong (" + error.getClass().getSimpleName() + ": "
                + io.handwritingstudio.files.Failures.sentence(error) + "); details in " + file;
        if (Platform.isFxApplicationThread()) statusLine.accept(line);
        else Platform.runLater(() -> statusLine.accept(line));
    }

    private void append(String entry) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, entry, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            LOG.warn("Could not write the crash log {}: {}", file, e.getMessage());
        }
    }

    private static String trace(Throwable error) {
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
