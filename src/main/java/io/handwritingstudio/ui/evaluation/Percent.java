package io.handwritingstudio.ui.evaluation;

import java.util.Locale;

/** Probabilities and rates as people read them: "81%", "99.4%", "<0.1%". */
final class Percent {
    private Percent() {
    }

    static String of(double p) {
        double v = 100 * p;
        if (v > 0 && v < 0.1) return "<0.1%";
        if (v >= 99.95 || v < 10) return String.format(Locale.ROOT, "%.1f%%", Math.min(v, 100)).replace("100.0%", "100%");
        return String.format(Locale.ROOT, "%.0f%%", v);
    }

    static String precise(double p) {
        return Double.isNaN(p) ? "–" : String.format(Locale.ROOT, "%.2f%%", 100 * p);
    }
}
