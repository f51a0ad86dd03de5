package io.handwritingstudio.training;

/**
 * Cooperative pause, resume and cancel for a running {@link Trainer}: the trainer checks it between iterations,
 * so a request takes effect within one mini-batch. Thread-safe: any thread (a UI, a signal handler) may call it.
 */
public final class TrainingControl {
    private boolean paused;
    private boolean cancelled;

    public synchronized void pause() {
        paused = true;
    }

    public synchronized void resume() {
        paused = false;
        notifyAll();
    }

    public synchronized void cancel() {
        cancelled = true;
        notifyAll();
    }

    public synchronized boolean isPaused() {
        return paused;
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    /**
     * Blocks while paused; returns the milliseconds spent waiting (not counted as training time).
     * An interrupt (e.g. a UI task's cancel) counts as a cancel.
     */
    synchronized long awaitResumed() {
        long start = System.nanoTime();
        try {
            while (paused && !cancelled) wait();
        } catch (InterruptedException e) {
            cancelled = true;
            Thread.currentThread().interrupt();
        }
        if (Thread.currentThread().isInterrupted()) cancelled = true;
        return (System.nanoTime() - start) / 1_000_000;
    }
}
