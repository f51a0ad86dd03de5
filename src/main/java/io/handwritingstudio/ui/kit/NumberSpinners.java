package io.handwritingstudio.ui.kit;

import javafx.application.Platform;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.util.StringConverter;

import java.util.Locale;
import java.util.function.Function;

/**
 * Editable number spinners that survive what a user types. JavaFX's own converter throws on "abc" when the spinner
 * commits (Enter or leaving the field): an exception on the JavaFX thread, and the text stayed. Here anything that is
 * not a number puts the last good value back; "1,000" and "1_000" read as 1000, and a number out of range is clamped
 * before any listener sees it.
 */
public final class NumberSpinners {
    private NumberSpinners() {
    }

    public static Spinner<Integer> integer(int min, int max, int value) {
        return integer(min, max, value, 1);
    }

    public static Spinner<Integer> integer(int min, int max, int value, int step) {
        var factory = new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, value, step);
        return editable(factory, n -> toInt(clamp(n, min, max)), String::valueOf);
    }

    /** A spinner over {@code [min, max]} in steps of {@code step}, shown with two decimals. */
    public static Spinner<Double> decimal(double min, double max, double value, double step) {
        var factory = new SpinnerValueFactory.DoubleSpinnerValueFactory(min, max, value, step);
        return editable(factory, n -> clamp(n, min, max), d -> String.format(Locale.ROOT, "%.2f", d));
    }

    /** Gives an existing spinner a fresh range (the filters' input channel follows the chosen layer). */
    public static void setRange(Spinner<Integer> spinner, int min, int max, int value) {
        var factory = new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, value);
        factory.setConverter(tolerant(spinner, factory, n -> toInt(clamp(n, min, max)), String::valueOf));
        spinner.setValueFactory(factory);
    }

    private static <T> Spinner<T> editable(SpinnerValueFactory<T> factory, Function<Double, T> fromNumber,
                                           Function<T, String> show) {
        Spinner<T> spinner = new Spinner<>(factory);
        factory.setConverter(tolerant(spinner, factory, fromNumber, show));
        spinner.setEditable(true);
        return spinner;
    }

    private static <T> StringConverter<T> tolerant(Spinner<T> spinner, SpinnerValueFactory<T> factory,
                                                   Function<Double, T> fromNumber, Function<T, String> show) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : show.apply(value);
            }

            @Override
            public T fromString(String text) {
                Double n = parse(text);
                // once the commit is done the editor shows what the value became (a refused or clamped entry
                // leaves the value as it was, and the spinner would keep showing the typed text)
                Platform.runLater(() -> spinner.getEditor().setText(toString(factory.getValue())));
                return n == null ? factory.getValue() : fromNumber.apply(n);
            }
        };
    }

    /**
     * Typed numbers are clamped here, before they reach the value: the factory clamps only after setting, so its
     * listeners first saw the raw number (the filters panel drew input channel 50 of 32 and threw).
     */
    private static double clamp(double n, double min, double max) {
        return Math.max(min, Math.min(max, n));
    }

    private static int toInt(double n) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, Math.round(n)));
    }

    /** The number a user meant, or null: separators and surrounding spaces are forgiven, words are not. */
    static Double parse(String text) {
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
}
