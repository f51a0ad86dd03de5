package io.handwritingstudio.ui.context;

import io.handwritingstudio.model.EngineSetup;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs engine work (loading, evaluation, inference over datasets, I/O) off the JavaFX thread.
 * Daemon threads, so an open task never keeps the application alive after the window closes.
 */
public final class BackgroundTasks implements java.util.concurrent.Executor {
    private final ExecutorService executor = Executors.newCachedThreadPool(daemonThreads("studio-worker-"));
    /** One-sample work a user waits for: its own thread, so it never queues behind a dataset-sized job. */
    private final ExecutorService interactive = Executors.newSingleThreadExecutor(r -> daemonThreads("studio-interactive-")
            .newThread(() -> {
                EngineSetup.useOneNativeThreadHere(); // a one-image pass split over the cores waits on the busiest
                r.run();
            }));
    private final ReadOnlyStringWrapper lastError = new ReadOnlyStringWrapper("");

    /** Plain background work (a Task passed here still reports failures like {@link #run}). */
    @Override
    public void execute(Runnable work) {
        if (work instanceof Task<?> task) run(task);
        else executor.submit(work);
    }

    public <T> Task<T> run(Task<T> task) {
        return submit(task, executor);
    }

    /**
     * For quick work on one sample that the user is waiting to see (a clicked sample's maps and saliency): runs
     * on a dedicated thread whose native ops use one core, which keeps the slowest updates close to the median.
     */
    public <T> Task<T> runInteractive(Task<T> task) {
        return submit(task, interactive);
    }

    private <T> Task<T> submit(Task<T> task, ExecutorService on) {
        // An event handler, not setOnFailed: a view's own onFailed handler must keep working.
        task.addEventHandler(javafx.concurrent.WorkerStateEvent.WORKER_STATE_FAILED, e -> {
            Throwable ex = task.getException();
            lastError.set(ex == null ? "failed" : String.valueOf(ex.getMessage()));
        });
        on.submit(task);
        return task;
    }

    /** The message of the latest failed task (for the status bar). */
    public ReadOnlyStringProperty lastErrorProperty() {
        return lastError.getReadOnlyProperty();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
