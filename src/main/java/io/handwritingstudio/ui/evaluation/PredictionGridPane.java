package io.handwritingstudio.ui.evaluation;

import atlantafx.base.controls.Spacer;

import atlantafx.base.theme.Styles;

import io.handwritingstudio.ui.kit.Formats;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.IntConsumer;

/** Evaluated samples with their predicted label and confidence; wrong ones are framed in red. */
final class PredictionGridPane {
    private final ComboBox<PredictionQuery.Mode> mode = new ComboBox<>();
    private final ComboBox<Integer> classChoice = ClassChoice.create("predictions-class");
    private final ComboBox<PredictionQuery.Order> order = new ComboBox<>();
    private final Label count = new Label();
    private final SampleGrid grid;
    private final VBox root;
    private EvaluatedSet set;
    private long seed = 7;

    PredictionGridPane(IntConsumer onOpen, Node explain) {
        mode.setId("predictions-mode");
        mode.getItems().setAll(PredictionQuery.Mode.values());
        mode.setValue(PredictionQuery.Mode.RANDOM);
        order.setId("predictions-order");
        order.getItems().setAll(PredictionQuery.Order.values());
        order.setValue(PredictionQuery.Order.LEAST_CONFIDENT);
        classChoice.visibleProperty().bind(mode.valueProperty().isEqualTo(PredictionQuery.Mode.ONE_CLASS));
        classChoice.managedProperty().bind(classChoice.visibleProperty());
        count.setId("predictions-count");
        count.getStyleClass().add(Styles.TEXT_MUTED);
        grid = new SampleGrid("predictions-grid", onOpen);
        mode.valueProperty().addListener((o, a, b) -> { seed++; refresh(); });
        order.valueProperty().addListener((o, a, b) -> refresh());
        classChoice.valueProperty().addListener((o, a, b) -> refresh());
        Spacer grow = new Spacer();
        HBox controls = new HBox(8, new Label("Show"), mode, classChoice, new Label("Order"), order, count, grow, explain);
        controls.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(grid.view(), Priority.ALWAYS);
        root = new VBox(8, controls, grid.view());
    }

    VBox root() { return root; }
    SampleGrid grid() { return grid; }
    ComboBox<PredictionQuery.Mode> mode() { return mode; }
    ComboBox<PredictionQuery.Order> order() { return order; }

    void show(EvaluatedSet evaluated) {
        set = evaluated;
        if (set != null) ClassChoice.fill(classChoice, set.report().classes().names(), false);
        refresh();
    }

    private void refresh() {
        if (set == null || classChoice.getValue() == null) {
            grid.show(null, List.of());
            count.setText("");
            return;
        }
        List<Integer> shown = new PredictionQuery(mode.getValue(), classChoice.getValue(), order.getValue(), seed)
                .apply(set.report());
        long wrong = shown.stream().filter(i -> set.report().predicted(i) != set.report().trueLabel(i)).count();
        grid.show(set, shown);
        count.setText(Formats.count(shown.size(), "sample", "samples") + ", " + Formats.count(wrong) + " wrong");
    }
}
