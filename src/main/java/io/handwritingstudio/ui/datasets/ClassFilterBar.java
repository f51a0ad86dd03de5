package io.handwritingstudio.ui.datasets;

import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** A row of toggle buttons, one per class plus "All": pick one or several classes to show. */
final class ClassFilterBar extends FlowPane {
    private final Consumer<Set<Integer>> onChange;
    private final ToggleButton all = new ToggleButton("All");
    private final List<ToggleButton> classButtons = new ArrayList<>();
    private boolean updating;

    ClassFilterBar(Consumer<Set<Integer>> onChange) {
        super(4, 4);
        this.onChange = onChange;
        getStyleClass().add("class-filter-bar");
        all.setId("filter-all");
        all.getStyleClass().add("filter-chip");
        all.setOnAction(e -> {
            setSelected(Set.of());
            onChange.accept(Set.of());
        });
    }

    void setClasses(List<String> names) {
        classButtons.clear();
        for (int i = 0; i < names.size(); i++) {
            ToggleButton b = new ToggleButton(names.get(i));
            b.setId("filter-" + i);
            b.getStyleClass().add("filter-chip");
            b.selectedProperty().addListener((o, was, is) -> {
                if (!updating) publish();
            });
            classButtons.add(b);
        }
        getChildren().setAll(all);
        getChildren().addAll(classButtons);
        setSelected(Set.of());
    }

    /** Reflects the model's filter without firing changes. */
    void setSelected(Set<Integer> classes) {
        updating = true;
        for (int i = 0; i < classButtons.size(); i++) classButtons.get(i).setSelected(classes.contains(i));
        all.setSelected(classes.isEmpty());
        updating = false;
    }

    private void publish() {
        Set<Integer> chosen = new HashSet<>();
        for (int i = 0; i < classButtons.size(); i++) if (classButtons.get(i).isSelected()) chosen.add(i);
        all.setSelected(chosen.isEmpty());
        onChange.accept(chosen);
    }
}
