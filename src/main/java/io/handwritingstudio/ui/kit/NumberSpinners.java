package io.handwritingstudio.ui.kit;

import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.util.StringConverter;

import java.util.Locale;
import java.util.function.Function;

/**
 * Editable number spinners that survive what a user types. JavaFX's own converter throws on "abc" when the spinner
 * commits (Enter, leaving the field, an arrow): an exception on the JavaFX thread, and the text stayed. Here anything
 * that is not a number puts the last value back, "1,000" reads as 1000, and a number out of range is clamped before
 * any listener sees it (the factory clamps only after setting: the filters panel drew input channel 50 of 32).
 */
public final class NumberSpinners {
    private NumberSpinners() {
    }

    /** Whole numbers in {@code [min, max]}, the arrows stepping by one. */
    public static Spinner<Integer> integer(int min, int max, int value) {
        return integer(min, max, value, 1);
    }

    /** Whole numbers in {@code [min, max]}, the arrows stepping by {@code step}; "2.5" rounds to 3. */
    public static Spinner<Integer> integer(int min, int max, int value, int step) {
        var factory = new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, value, step);
        return editable(factory, Formats::parseWhole,
                n -> (int) Math.round(clamp(n, factory.getMin(), factory.getMax())), String::valueOf);
    }

    /**
     * Numbers in {@code [min, max]} shown with two decimals. A comma with no point is read as the decimal point
     * ("0,3" is what a German hand types for 0.3; as a thousands separator it read 3 and clamped to the maximum).
     */
    public static Spinner<Double> decimal(double min, double max, double value, double step) {
        var factory = new SpinnerValueFactory.DoubleSpinnerValueFactory(min, max, value, step);
        return editable(factory, Formats::parseDecimal,
                n -> clamp(n, factory.getMin(), factory.getMax()), d -> String.format(Locale.ROOT, "%.2f", d));
    }

    /** A new range for a spinner from {@link #integer} (the filters' input channel follows the chosen layer). */
    public static void setRange(Spinner<Integer> spinner, int min, int max, int value) {
        var factory = (SpinnerValueFactory.IntegerSpinnerValueFactory) spinner.getValueFactory();
        factory.setMin(Math.min(min, factory.getMin()));
        factory.setMax(Math.max(max, factory.getMax())); // widen first: the value never leaves either range
        factory.setValue(Math.max(min, Math.min(max, value)));
        factory.setMin(min);
        factory.setMax(max);
    }

    private static <T> Spinner<T> editable(SpinnerValueFactory<T> factory, Function<String, Double> parse,
                                           Function<Double, T> fromNumber, Function<T, String> show) {
        Spinner<T> spinner = new Spinner<>();
        // the converter before the factory: the spinner writes its first text with the converter it finds
        // (JavaFX's default showed a decimal as "0,5" on a German desktop, which then read back as 5)
        factory.setConverter(new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : show.apply(value);
            }

            @Override
            public T fromString(String text) {
                Double n = parse.apply(text);
                T value = n == null ? factory.getValue() : fromNumber.apply(n);
                // the field shows what the value became: a refused word or a clamped number that leaves the
                // value unchanged fires no change, and the typed text would stay
                spinner.getEditor().setText(toString(value));
                return value;
            }
        });
        spinner.setValueFactory(factory);
        spinner.setEditable(true);
        return spinner;
    }

    private static double clamp(double n, double min, double max) {
        return Math.max(min, Math.min(max, n));
    }
}
