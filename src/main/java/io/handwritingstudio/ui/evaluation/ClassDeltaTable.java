package io.handwritingstudio.ui.evaluation;

import io.handwritingstudio.ui.kit.Texts;
import io.handwritingstudio.ui.kit.Formats;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.stream.IntStream;

/** Per class: recall of A, of B, and B minus A in points; sortable, so the biggest gains and losses come first. */
final class ClassDeltaTable {
    /** One class of the comparison. */
    record Row(String name, double recallA, double recallB, int support) {
        double delta() {
            return recallB - recallA;
        }
    }

    private final TableView<Row> table = new TableView<>();

    ClassDeltaTable() {
        table.setId("compare-class-deltas");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(Texts.placeholder("Choose a second model and evaluate: each class's change appears here."));
        TableColumn<Row, String> name = new TableColumn<>("Class");
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().name()));
        TableColumn<Row, Double> a = column("Recall A", Row::recallA, false);
        TableColumn<Row, Double> b = column("Recall B", Row::recallB, false);
        TableColumn<Row, Double> delta = column("B − A (points)", Row::delta, true);
        delta.setId("compare-delta-column");
        TableColumn<Row, Integer> support = new TableColumn<>("Images");
        support.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().support()));
        Formats.countCells(support);
        table.getColumns().add(name);
        table.getColumns().add(a);
        table.getColumns().add(b);
        table.getColumns().add(delta);
        table.getColumns().add(support);
    }

    TableView<Row> view() {
        return table;
    }

    void show(ComparedSet set) {
        table.getSortOrder().clear();
        if (set == null) {
            table.getItems().clear();
            return;
        }
        var ma = set.a().report().perClass();
        var mb = set.b().report().perClass();
        table.getItems().setAll(IntStream.of(set.comparison().classesWithImages())
                .mapToObj(c -> new Row(ma.get(c).name(), ma.get(c).recall(), mb.get(c).recall(), ma.get(c).support()))
                .toList());
    }

    private static TableColumn<Row, Double> column(String title, java.util.function.ToDoubleFunction<Row> value,
                                                   boolean signed) {
        TableColumn<Row, Double> col = new TableColumn<>(title);
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.applyAsDouble(c.getValue())));
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                getStyleClass().removeAll("right-text", "wrong-text");
                if (empty || v == null) {
                    setText(null);
                    return;
                }
                if (!signed) {
                    setText(Formats.precisePercent(v));
                    return;
                }
                setText(Formats.points(v));
                if (v > 5e-5) getStyleClass().add("right-text");
                if (v < -5e-5) getStyleClass().add("wrong-text");
            }
        });
        return col;
    }
}
