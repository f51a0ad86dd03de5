package io.handwritingstudio.ui.evaluation;

import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;

import java.util.List;
import java.util.stream.IntStream;

/** A class picker: "Any" (-1) or one class index, shown by name. */
final class ClassChoice {
    private ClassChoice() {
    }

    static ComboBox<Integer> create(String id) {
        ComboBox<Integer> box = new ComboBox<>();
        box.setId(id);
        box.setVisibleRowCount(14);
        box.setPrefWidth(96);
        return box;
    }

    static void fill(ComboBox<Integer> box, List<String> names, boolean withAny) {
        box.setConverter(new StringConverter<>() {
            @Override public String toString(Integer i) {
                return i == null ? "" : i < 0 ? "Any" : names.get(i);
            }
            @Override public Integer fromString(String s) {
                return s.equals("Any") ? -1 : names.indexOf(s);
            }
        });
        var items = IntStream.range(withAny ? -1 : 0, names.size()).boxed().toList();
        box.getItems().setAll(items);
        box.setValue(items.get(0));
    }
}
