package io.handwritingstudio.ui.training;

import javafx.animation.AnimationTimer;

/**
 * Runs an action on the JavaFX thread at most once per interval, driven by the frame pulse: background threads never
 * post a runLater per event, so a fast producer cannot flood the UI queue.
 */
final class FrameThrottle {
    private final long intervalNanos;
    private final Runnable action;
    private long last;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (now - last >= intervalNanos) {
                last = now;
                action.run();
            }
        }
    };

    FrameThrottle(long intervalMillis, Runnable action) {
        this.intervalNanos = intervalMillis * 1_000_000;
        this.action = action;
    }

    void start() {
        timer.start();
    }

    /** Stops after one last run, so nothing produced before the stop is lost. */
    void stop() {
        timer.stop();
        action.run();
    }
}
