package io.handwritingstudio.ui.shell;

import javafx.animation.AnimationTimer;

/**
 * Measures how responsive the JavaFX thread is: the longest gap between two consecutive frames while running.
 * A frame is due every ~16 ms; a gap of 100 ms or more is a visible stutter.
 */
public final class PulseGapMonitor {
    private long last;
    private volatile long maxGapNanos;
    private volatile long frames;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (last != 0) maxGapNanos = Math.max(maxGapNanos, now - last);
            last = now;
            frames++;
        }
    };

    /** Call on the JavaFX thread. */
    public void start() {
        last = 0;
        maxGapNanos = 0;
        frames = 0;
        timer.start();
    }

    /** Call on the JavaFX thread. */
    public void stop() {
        timer.stop();
    }

    public double maxGapMillis() {
        return maxGapNanos / 1e6;
    }

    public long frames() {
        return frames;
    }
}
