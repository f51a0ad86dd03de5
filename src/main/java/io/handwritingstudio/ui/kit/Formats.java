package io.handwritingstudio.ui.kit;

import javafx.scene.chart.NumberAxis;
import javafx.util.StringConverter;

import java.util.Locale;

/**
 * How the studio writes numbers: one format for every view, the same on every machine (a German desktop would
 * otherwise show "60.000" samples and "97,3%" accuracy beside the CLI's "60,000" and "97.3%").
 */
public final class Formats {
    private Formats() {
    }

    /** Probabilities and rates, one decimal: "97.3%", "100%", "0.0%", and "<0.1%" for a small non-zero value. */
    public static String percent(double p) {
        double v = 100 * p;
        if (Double.isNaN(v)) return "–";
        if (v > 0 && v < 0.05) return "<0.1%";
        if (v >= 99.95) return "100%";
        return String.format(Locale.ROOT, "%.1f%%", v);
    }

    /** Accuracy where a tenth of a point matters: "97.31%". */
    public static String precisePercent(double p) {
        return Double.isNaN(p) ? "–" : String.format(Locale.ROOT, "%.2f%%", 100 * p);
    }

    /** A difference of two rates in percentage points, signed: "+0.35 pts", "−1.20 pts", "0.00 pts". */
    public static String points(double difference) {
        double v = 100 * difference;
        if (Double.isNaN(v)) return "–";
        if (Math.abs(v) < 0.005) return "0.00 pts";
        return String.format(Locale.ROOT, "%+.2f pts", v);
    }

    /** Counts with thousands separators: "60,000". */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** "1 sample", "2 samples". */
    public static String count(long n, String singular, String plural) {
        return count(n) + " " + (n == 1 ? singular : plural);
    }

    /**
     * The number a user typed, or null when it is none: the studio writes "60,000", so commas are thousands
     * separators here, as are underscores; spaces around it are forgiven, NaN and infinities are not numbers.
     */
    public static Double parseNumber(String text) {
        if (text == null) return null;
        String plain = text.trim().replace(",", "").replace("_", "");
        if (plain.isEmpty()) return null;
        try {
            double n = Double.parseDouble(plain);
            return Double.isFinite(n) ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * A fraction a user typed (a learning rate, a share): a comma with no point is the decimal point, as a German
     * hand types 0,002 (read as a thousands separator it became 2, and a run trained at learning rate 2).
     */
    public static Double parseDecimal(String text) {
        return parseNumber(text == null || text.contains(".") ? text : text.replace(',', '.'));
    }

    /** A count a user typed: points between groups of three digits are thousands separators too ("6.000" is 6,000). */
    public static Double parseWhole(String text) {
        if (text != null && text.strip().matches("[+-]?\\d{1,3}(\\.\\d{3})+")) return parseNumber(text.replace(".", ""));
        return parseNumber(text);
    }

    /** A table column of counts written as counts everywhere else are ("1,135", not the cell's default "1135"). */
    public static <S> void countCells(javafx.scene.control.TableColumn<S, Integer> column) {
        column.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Integer n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty || n == null ? null : count(n));
            }
        });
    }

    /** Tick labels in the studio's number format instead of the default locale's. */
    public static void localeFreeTicks(NumberAxis axis) {
        axis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                double v = n.doubleValue();
                return v == Math.rint(v) ? count((long) v) : String.format(Locale.ROOT, "%.2f", v);
            }

            @Override
            public Number fromString(String s) {
                return Double.valueOf(s.replace(",", ""));
            }
        });
    }
}
