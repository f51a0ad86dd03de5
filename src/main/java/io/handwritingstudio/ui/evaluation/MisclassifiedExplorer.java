package io.handwritingstudio.ui.evaluation;

import io.handwritingstudio.ui.kit.Texts;
import atlantafx.base.controls.Spacer;

import atlantafx.base.theme.Styles;

import java.util.Locale;
import io.handwritingstudio.evaluation.Misclassification;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.IntConsumer;

/** Every error of the current evaluation, sortable and filterable; clicking one opens it in the network view. */
final class MisclassifiedExplorer {
    private final ComboBox<ErrorOrder> order = new ComboBox<>();
    private final ComboBox<Integer> trueFilter = ClassChoice.create("errors-true-filter");
    private final ComboBox<Integer> predictedFilter = ClassChoice.create("errors-predicted-filter");
    private final Label count = new Label();
    private final ListView<Misclassification> list = new ListView<>();
    private final VBox root;
    private EvaluatedSet set;

    MisclassifiedExplorer(IntConsumer onOpen, javafx.scene.Node explain) {
        order.setId("errors-order");
        order.getItems().setAll(ErrorOrder.values());
        order.setValue(ErrorOrder.MOST_CONFIDENT);
        count.setId("errors-count");
        count.getStyleClass().add(Styles.TEXT_MUTED);
        list.setId("errors-list");
        list.setCellFactory(l -> new ErrorListCell(() -> set));
        io.handwritingstudio.ui.kit.Theme.darkProperty().addListener((o, was, is) -> list.refresh()); // theme-drawn images
        list.setPlaceholder(Texts.placeholder("No errors match these filters."));
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY) open(onOpen);
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) open(onOpen);
        });
        order.valueProperty().addListener((o, a, b) -> refresh());
        trueFilter.valueProperty().addListener((o, a, b) -> refresh());
        predictedFilter.valueProperty().addListener((o, a, b) -> refresh());
        Spacer grow = new Spacer();
        HBox controls = new HBox(8, new Label("Sort"), order, new Label("True class"), trueFilter,
                new Label("Predicted"), predictedFilter, count, grow, explain);
        controls.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(list, Priority.ALWAYS);
        root = new VBox(8, controls, list);
    }

    VBox root() { return root; }
    ListView<Misclassification> list() { return list; }
    ComboBox<Integer> trueFilter() { return trueFilter; }
    ComboBox<Integer> predictedFilter() { return predictedFilter; }
    ComboBox<ErrorOrder> order() { return order; }

    void show(EvaluatedSet evaluated) {
        set = evaluated;
        if (set != null) {
            List<String> names = set.report().classes().names();
            ClassChoice.fill(trueFilter, names, true);
            ClassChoice.fill(predictedFilter, names, true);
        }
        refresh();
    }

    private void refresh() {
        if (set == null || trueFilter.getValue() == null || predictedFilter.getValue() == null) {
            list.getItems().clear();
            count.setText("");
            return;
        }
        List<Misclassification> all = set.report().misclassified();
        List<Misclassification> shown = new ErrorQuery(trueFilter.getValue(), predictedFilter.getValue(),
                order.getValue()).apply(all);
        list.getItems().setAll(shown);
        count.setText(shown.size() == all.size() ? String.format(Locale.ROOT, "%,d errors", all.size())
                : String.format(Locale.ROOT, "%,d of %,d errors", shown.size(), all.size()));
    }

    private void open(IntConsumer onOpen) {
        Misclassification m = list.getSelectionModel().getSelectedItem();
        if (m != null) onOpen.accept(m.index());
    }
}
