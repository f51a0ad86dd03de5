package io.handwritingstudio.ui.context;

import io.handwritingstudio.files.Failures;
import io.handwritingstudio.model.EngineSetup;
import javafx.concurrent.Task;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs engine work (loading, evaluation, inference over datasets, I/O) off the JavaFX thread. Every failure is
 * logged through SLF4J and, unless the caller handles it ({@link Job#onFailure}), shown in the status bar.
 * {@link #sameThread()} runs everything in place, and {@link #heldIn} only when a test says, for view-model tests
 * without a window.
 * Daemon threads, so an open task never keeps the application alive after the window closes.
 */
public final class BackgroundTasks implements java.util.concurrent.Executor {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BackgroundTasks.class);
    private final ExecutorService executor;
    /** One-sample work a user waits for: its own thread, so it never queues behind a dataset-sized job. */
    private final ExecutorService interactive;
    private java.util.function.Consumer<String> status = message -> { };

    public BackgroundTasks() {
        this(Executors.newCachedThreadPool(daemonThreads("studio-worker-")),
                Executors.newSingleThreadExecutor(r -> daemonThreads("studio-interactive-").newThread(() -> {
                    EngineSetup.useOneNativeThreadHere(); // a one-image pass split over the cores waits on the busiest
                    r.run();
                })));
    }

    private BackgroundTasks(ExecutorService executor, ExecutorService interactive) {
        this.executor = executor;
        this.interactive = interactive;
    }

    /** Runs every task in place on the calling thread: on the JavaFX thread a command has finished when it returns. */
    public static BackgroundTasks sameThread() {
        return on(Runnable::run);
    }

    /** Hands every task to {@code queue} and runs nothing: a test decides when (or whether) work starts. */
    public static BackgroundTasks heldIn(java.util.Queue<Runnable> queue) {
        return on(queue::add);
    }

    private static BackgroundTasks on(java.util.concurrent.Executor where) {
        ExecutorService inPlace = new java.util.concurrent.AbstractExecutorService() {
            private volatile boolean shut;
            @Override public void execute(Runnable r) { where.execute(r); }
            @Override public void shutdown() { shut = true; }
            @Override public List<Runnable> shutdownNow() { shut = true; return List.of(); }
            @Override public boolean isShutdown() { return shut; }
            @Override public boolean isTerminated() { return shut; }
            @Override public boolean awaitTermination(long t, java.util.concurrent.TimeUnit u) { return true; }
        };
        return new BackgroundTasks(inPlace, inPlace);
    }

    /** Where unhandled failures are shown (the studio's status bar). */
    public void reportFailuresTo(java.util.function.Consumer<String> statusLine) {
        this.status = statusLine;
    }

    /** Runs {@code work} in the background; {@code what} names it in the log and the status bar ("Scanning models"). */
    public <T> Job<T> run(String what, java.util.concurrent.Callable<T> work) {
        Job<T> job = new Job<>(work, ex -> status.accept(what + " failed: " + Failures.sentence(ex)));
        submit(job.task(), executor, what);
        return job;
    }

    /** Plain background work (a Task passed here still reports failures like {@link #run}). */
    @Override
    public void execute(Runnable work) {
        if (work instanceof Task<?> task) run(task);
        else executor.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException | Error e) { // logged like a failed task, not swallowed by a Future
                log("background work", e);
                throw e;
            }
        });
    }

    public <T> Task<T> run(Task<T> task) {
        return submit(task, executor, describe(task));
    }

    /**
     * For quick work on one sample that the user is waiting to see (a clicked sample's maps and saliency): runs
     * on a dedicated thread whose native ops use one core, which keeps the slowest updates close to the median.
     */
    public <T> Task<T> runInteractive(Task<T> task) {
        return submit(task, interactive, describe(task));
    }

    private <T> Task<T> submit(Task<T> task, ExecutorService on, String what) {
        // An event handler, not setOnFailed: a view's own onFailed handler must keep working.
        task.addEventHandler(javafx.concurrent.WorkerStateEvent.WORKER_STATE_FAILED,
                e -> log(what, task.getException()));
        on.execute(task);
        return task;
    }

    /** "DatasetLoadTask", or for an anonymous task the class that made it ("DatasetsViewModel task"). */
    private static String describe(Task<?> task) {
        Class<?> c = task.getClass();
        return c.isAnonymousClass() && c.getEnclosingClass() != null ? c.getEnclosingClass().getSimpleName() + " task"
                : c.getSimpleName();
    }

    /** A user's unusable file or choice is one line; a defect gets its stack trace. */
    private static void log(String what, Throwable failure) {
        if (Failures.expected(failure)) {
            LOG.info("{} failed: {}", what, Failures.sentence(failure));
            LOG.debug("{} failed", what, failure);
        } else {
            LOG.warn("{} failed", what, failure);
        }
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
