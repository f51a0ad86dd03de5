package io.handwritingstudio.ui.training;

import javafx.application.Platform;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs an action on the JavaFX thread at most once per interval: background threads never post a runLater per
 * event, so a fast producer cannot flood the UI queue. A timer thread, not an AnimationTimer: an AnimationTimer keeps
 * JavaFX pulsing 60 times a second for the whole run, and with software rendering those pulses take CPU from training.
 */
final class FrameThrottle {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "training-ui-throttle");
        t.setDaemon(true);
        return t;
    });
    private final long intervalMillis;
    private final Runnable action;
    private ScheduledFuture<?> ticks;

    FrameThrottle(long intervalMillis, Runnable action) {
        this.intervalMillis = intervalMillis;
        this.action = action;
    }

    void start() {
        ticks = TIMER.scheduleWithFixedDelay(() -> Platform.runLater(action), intervalMillis, intervalMillis,
                TimeUnit.MILLISECONDS);
    }

    /** Stops after one last run, so nothing produced before the stop is lost. */
    void stop() {
        if (ticks != null) ticks.cancel(false);
        action.run();
    }
}
