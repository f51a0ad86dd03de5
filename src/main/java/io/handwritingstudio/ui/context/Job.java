package io.handwritingstudio.ui.context;

import javafx.concurrent.Task;
import javafx.concurrent.WorkerStateEvent;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Background work with its outcome handlers, from {@link BackgroundTasks#run(String, Callable)}:
 * {@code tasks.run("Scanning models", this::scan).onSuccess(this::show).onFailure(this::explain)}.
 * Handlers run on the JavaFX thread (in place with {@link BackgroundTasks#sameThread()}); one added after the work
 * has finished runs at once. Without {@link #onFailure}, a failure goes to the log and the status bar.
 */
public final class Job<T> {
    private final Task<T> task;
    private Consumer<Throwable> failure;

    Job(Callable<T> work, Consumer<Throwable> unhandled) {
        this.task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        this.failure = unhandled;
        task.addEventHandler(WorkerStateEvent.WORKER_STATE_FAILED, e -> failure.accept(task.getException()));
    }

    public Job<T> onSuccess(Consumer<T> handler) {
        if (task.getState() == javafx.concurrent.Worker.State.SUCCEEDED) handler.accept(task.getValue());
        else task.addEventHandler(WorkerStateEvent.WORKER_STATE_SUCCEEDED, e -> handler.accept(task.getValue()));
        return this;
    }

    /** Replaces the default report (log + status bar): the caller shows the failure itself. */
    public Job<T> onFailure(Consumer<Throwable> handler) {
        failure = handler;
        if (task.getState() == javafx.concurrent.Worker.State.FAILED) handler.accept(task.getException());
        return this;
    }

    public void cancel() {
        task.cancel(false);
    }

    /** The underlying task (progress, message, state) for views that show them. */
    public Task<T> task() {
        return task;
    }
}
