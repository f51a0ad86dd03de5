package io.handwritingstudio.ui.evaluation;

import io.handwritingstudio.ui.kit.Texts;
import io.handwritingstudio.ui.kit.Formats;
import io.handwritingstudio.evaluation.ClassMetrics;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.function.ToDoubleFunction;

/** Precision, recall, F1 and support per class; every column sorts. The weakest F1 scores are flagged. */
final class MetricsTable {
    private final TableView<ClassMetrics> table = new TableView<>();

    MetricsTable() {
        table.setId("metrics-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(Texts.placeholder("Evaluate the model to see how well it does on each class."));
        TableColumn<ClassMetrics, String> name = new TableColumn<>("Class");
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().name()));
        TableColumn<ClassMetrics, Integer> support = new TableColumn<>("Support");
        support.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().support()));
        Formats.countCells(support);
        table.getColumns().add(name);
        table.getColumns().add(rate("Precision", ClassMetrics::precision));
        table.getColumns().add(rate("Recall", ClassMetrics::recall));
        table.getColumns().add(rate("F1", ClassMetrics::f1));
        table.getColumns().add(support);
    }

    TableView<ClassMetrics> view() {
        return table;
    }

    void show(EvaluatedSet set) {
        table.getSortOrder().clear();
        if (set == null) table.getItems().clear();
        else table.getItems().setAll(set.report().perClass());
    }

    private static TableColumn<ClassMetrics, Double> rate(String title, ToDoubleFunction<ClassMetrics> value) {
        TableColumn<ClassMetrics, Double> col = new TableColumn<>(title);
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.applyAsDouble(c.getValue())));
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : Formats.precisePercent(v));
                getStyleClass().remove("weak-metric");
                if (!empty && v != null && v < 0.9) getStyleClass().add("weak-metric");
            }
        });
        return col;
    }
}
