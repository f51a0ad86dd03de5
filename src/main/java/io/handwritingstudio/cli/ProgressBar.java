package io.handwritingstudio.cli;

import java.util.Locale;
import java.io.PrintStream;

/**
 * A one-line terminal progress bar on stderr, redrawn at most every 200 ms so printing never slows the work.
 * Falls back to occasional plain lines when stderr is not a terminal (CI logs stay readable).
 */
final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final boolean terminal;
    private long lastDraw;
    private int lastPercentLine = -1;

    ProgressBar(PrintStream out) {
        this.out = out;
        this.terminal = System.console() != null;
    }

    static ProgressBar stderr() {
        return new ProgressBar(System.err);
    }

    /** @param fraction 0..1 */
    synchronized void update(String label, double fraction, String detail) {
        long now = System.nanoTime();
        boolean finished = fraction >= 1;
        if (terminal) {
            if (!finished && now - lastDraw < 200_000_000L) return;
            lastDraw = now;
            int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * WIDTH);
            out.print("\r" + label + " [" + "=".repeat(filled) + (filled < WIDTH ? ">" : "")
                    + " ".repeat(Math.max(0, WIDTH - filled - 1)) + "] "
                    + String.format(Locale.ROOT, "%3d%%", (int) (fraction * 100)) + (detail.isEmpty() ? "" : "  " + detail) + "\u001b[K");
            if (finished) out.println();
        } else {
            int percent = (int) (fraction * 100) / 25 * 25; // a line at 0, 25, 50, 75 and 100 %
            if (percent == lastPercentLine && !finished) return;
            lastPercentLine = percent;
            out.println(label + " " + (int) (fraction * 100) + "%" + (detail.isEmpty() ? "" : "  " + detail));
        }
        out.flush();
    }

    synchronized void reset() {
        lastPercentLine = -1;
        lastDraw = 0;
    }

    static String duration(double seconds) {
        if (seconds < 0) return "--:--";
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
