package io.handwritingstudio.ui.training.design;

import io.handwritingstudio.ui.kit.Texts;
import io.handwritingstudio.ui.kit.Rows;

import atlantafx.base.theme.Styles;

import io.handwritingstudio.model.design.LayerSpec;
import io.handwritingstudio.model.design.LayerSpec.Activation;
import io.handwritingstudio.model.design.LayerSpec.Padding;
import io.handwritingstudio.model.design.LayerSpec.PoolKind;
import io.handwritingstudio.ui.kit.NumberSpinners;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.FlowPane;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The fields of one layer (filters, kernel, stride, padding, activation...), each change handed on as a whole new
 * {@link LayerSpec}. Spinners allow 0 filters or units on purpose: the designer then shows that layer's error.
 */
final class LayerEditor extends FlowPane {
    private final Consumer<LayerSpec> onChange;

    LayerEditor(LayerSpec spec, Consumer<LayerSpec> onChange) {
        super(12, 6);
        this.onChange = onChange;
        setId("design-editor");
        if (spec instanceof LayerSpec.Convolution c) {
            Spinner<Integer> filters = spinner("filters", 0, 512, c.filters());
            Spinner<Integer> kernel = spinner("kernel", 1, 11, c.kernel());
            Spinner<Integer> stride = spinner("stride", 1, 4, c.stride());
            ComboBox<Padding> padding = choice("padding", Padding.values(), c.padding());
            ComboBox<Activation> act = choice("activation", Activation.values(), c.activation());
            CheckBox bias = check("bias", c.bias());
            Supplier<LayerSpec> read = () -> new LayerSpec.Convolution(filters.getValue(), kernel.getValue(),
                    stride.getValue(), padding.getValue(), act.getValue(), bias.isSelected());
            wire(read, filters, kernel, stride, padding, act, bias);
            add("Filters", filters, "Kernel", kernel, "Stride", stride, "Padding", padding, "Activation", act);
            getChildren().add(bias);
        } else if (spec instanceof LayerSpec.Pooling p) {
            ComboBox<PoolKind> kind = choice("pool-kind", PoolKind.values(), p.kind());
            Spinner<Integer> size = spinner("pool-size", 1, 7, p.size());
            Spinner<Integer> stride = spinner("pool-stride", 1, 7, p.stride());
            wire(() -> new LayerSpec.Pooling(kind.getValue(), size.getValue(), stride.getValue()), kind, size, stride);
            add("Kind", kind, "Window", size, "Stride", stride);
        } else if (spec instanceof LayerSpec.ActivationLayer a) {
            ComboBox<Activation> act = choice("activation", Activation.values(), a.activation());
            wire(() -> new LayerSpec.ActivationLayer(act.getValue()), act);
            add("Function", act);
        } else if (spec instanceof LayerSpec.Dropout d) {
            Spinner<Double> rate = NumberSpinners.decimal(0.0, 0.95, d.rate(), 0.05);
            rate.setId("design-edit-rate");
            rate.setPrefWidth(90);
            wire(() -> new LayerSpec.Dropout(Math.round(rate.getValue() * 100) / 100.0), rate);
            add("Rate", rate);
        } else if (spec instanceof LayerSpec.Dense d) {
            Spinner<Integer> units = spinner("units", 0, 4096, d.units());
            ComboBox<Activation> act = choice("activation", Activation.values(), d.activation());
            CheckBox bias = check("bias", d.bias());
            wire(() -> new LayerSpec.Dense(units.getValue(), act.getValue(), bias.isSelected()), units, act, bias);
            add("Units", units, "Activation", act);
            getChildren().add(bias);
        } else {
            Label none = new Label("Nothing to set: batch norm learns a scale and a shift for each channel.");
            Texts.wrapping(none);
            none.getStyleClass().add(Styles.TEXT_MUTED);
            getChildren().add(none);
        }
    }

    private void wire(Supplier<LayerSpec> read, Node... fields) {
        for (Node n : fields) {
            if (n instanceof Spinner<?> s) s.valueProperty().addListener((o, was, is) -> onChange.accept(read.get()));
            else if (n instanceof ComboBox<?> c) c.valueProperty().addListener((o, was, is) -> onChange.accept(read.get()));
            else if (n instanceof CheckBox c) c.selectedProperty().addListener((o, was, is) -> onChange.accept(read.get()));
        }
    }

    /** Pairs of label text and field. */
    private void add(Object... labelAndField) {
        for (int i = 0; i < labelAndField.length; i += 2) {
            Label l = new Label((String) labelAndField[i]);
            l.getStyleClass().add("form-label");
            getChildren().add(Rows.together(l, (Node) labelAndField[i + 1]));
        }
    }

    private static Spinner<Integer> spinner(String id, int min, int max, int value) {
        Spinner<Integer> s = NumberSpinners.integer(min, max, value);
        s.setId("design-edit-" + id);
        s.setPrefWidth(80);
        return s;
    }

    private static <E extends Enum<E>> ComboBox<E> choice(String id, E[] values, E value) {
        ComboBox<E> c = new ComboBox<>();
        c.getItems().addAll(values);
        c.setValue(value);
        c.setId("design-edit-" + id);
        c.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(E e) { return e == null ? "" : e.name().toLowerCase(java.util.Locale.ROOT); }
            @Override public E fromString(String s) { return null; }
        });
        return c;
    }

    private static CheckBox check(String id, boolean value) {
        CheckBox c = new CheckBox("Bias");
        c.setId("design-edit-" + id);
        c.setSelected(value);
        return c;
    }
}
