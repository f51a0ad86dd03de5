package io.handwritingstudio.testing;

import javafx.application.Platform;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The JavaFX thread without a window, for view-model tests: properties and tasks need the toolkit running, not a
 * stage. With {@code BackgroundTasks.sameThread()} a command called here has finished when {@link #call} returns:
 * the tasks ran in place, and the completion events JavaFX's {@code Task} posts (and those their handlers post) are
 * drained before it returns.
 */
public final class FxThread {
    /** Task completion, its handler's next task, that task's completion...: deeper chains than this are a smell. */
    private static final int DRAIN_ROUNDS = 8;
    private FxThread() {
    }

    /**
     * Starts the toolkit the way TestFX does (its primary stage is registered, never shown): a plain
     * {@code Platform.startup} here made the TestFX tests that ran later in the same JVM fail.
     */
    public static synchronized void start() {
        try {
            org.testfx.api.FxToolkit.registerPrimaryStage();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the JavaFX toolkit did not start", e);
        }
    }

    public static <T> T call(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        T value = result.get(10, TimeUnit.MINUTES);
        for (int i = 0; i < DRAIN_ROUNDS; i++) { // each round trip runs everything posted before it
            CompletableFuture<Void> drained = new CompletableFuture<>();
            Platform.runLater(() -> drained.complete(null));
            drained.get(1, TimeUnit.MINUTES);
        }
        return value;
    }

    public static void run(ThrowingRunnable work) throws Exception {
        call(() -> {
            work.run();
            return null;
        });
    }

    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }
}
