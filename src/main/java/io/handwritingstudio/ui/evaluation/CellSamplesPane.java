package io.handwritingstudio.ui.evaluation;

import io.handwritingstudio.ui.kit.Texts;
import atlantafx.base.theme.Styles;

import io.handwritingstudio.evaluation.Misclassification;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.IntConsumer;

/** The drill-down: the samples behind one confusion-matrix cell, most confident first. */
final class CellSamplesPane {
    private final Label title = new Label("Samples behind a cell");
    private final Label detail = new Label("Click a cell of the matrix to see the images behind it.");
    private final Label empty = new Label("Click any cell of the matrix: its images appear here, the model's most "
            + "confident mistakes first.");
    private final SampleGrid grid;
    private final StackPane body;
    private final VBox root;

    CellSamplesPane(IntConsumer onOpen) {
        title.setId("cell-title");
        title.getStyleClass().add("section-title");
        detail.setId("cell-detail");
        detail.getStyleClass().add(Styles.TEXT_MUTED);
        Texts.wrapping(detail);
        empty.setId("cell-empty");
        empty.getStyleClass().addAll(Styles.TEXT_MUTED, "empty-note");
        Texts.wrapping(empty);
        grid = new SampleGrid("cell-grid", onOpen);
        body = new StackPane(empty);
        VBox.setVgrow(body, Priority.ALWAYS);
        root = new VBox(6, title, detail, body);
        root.setPadding(new Insets(0, 0, 0, 4));
        root.setMinWidth(200);
    }

    VBox root() {
        return root;
    }

    SampleGrid grid() {
        return grid;
    }

    void show(EvaluatedSet set, MatrixCell cell, String description) {
        if (set == null || cell == null) {
            title.setText("Samples behind a cell");
            detail.setText("Click a cell of the matrix to see the images behind it.");
            empty.setText(""); // not the previous cell's "No images here"
            body.getChildren().setAll(empty);
            return;
        }
        List<Misclassification> samples = set.report().cell(cell.trueClass(), cell.predictedClass());
        title.setText(cell.isDiagonal()
                ? "Correct " + set.className(cell.trueClass()) + "s"
                : "True " + set.className(cell.trueClass()) + ", read as " + set.className(cell.predictedClass()));
        detail.setText(description + (samples.isEmpty() ? "" : cell.isDiagonal()
                ? ". Most confident first." : ". Most confident mistakes first: these are the ones to look at."));
        grid.show(set, samples.stream().map(Misclassification::index).toList());
        if (samples.isEmpty()) {
            empty.setText("No images here: the model never read a " + set.className(cell.trueClass()) + " as "
                    + set.className(cell.predictedClass()) + ".");
            body.getChildren().setAll(empty);
        } else {
            body.getChildren().setAll(grid.view());
        }
    }
}
