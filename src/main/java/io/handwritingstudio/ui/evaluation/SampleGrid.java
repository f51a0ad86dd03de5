package io.handwritingstudio.ui.evaluation;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.input.MouseButton;
import org.controlsfx.control.GridCell;
import org.controlsfx.control.GridView;

import java.util.List;
import java.util.function.IntConsumer;

/** A virtualised grid of {@link SampleTile}s (sample indices of one evaluation); a click opens the sample. */
final class SampleGrid {
    static final double CELL_WIDTH = 176;
    static final double CELL_HEIGHT = 132;
    private final GridView<Integer> grid = new GridView<>();
    private final ObjectProperty<EvaluatedSet> set = new SimpleObjectProperty<>();

    SampleGrid(String id, IntConsumer onOpen) {
        grid.setId(id);
        grid.getStyleClass().add("sample-grid");
        grid.setCellWidth(CELL_WIDTH);
        grid.setCellHeight(CELL_HEIGHT);
        grid.setHorizontalCellSpacing(6);
        grid.setVerticalCellSpacing(6);
        // Images are drawn for the theme in use: redraw the visible tiles when it changes.
        io.handwritingstudio.ui.kit.Theme.darkProperty().addListener((o, was, is) ->
                grid.getItems().setAll(List.copyOf(grid.getItems())));
        grid.setCellFactory(g -> new GridCell<>() {
            {
                setOnMouseClicked(e -> {
                    if (e.getButton() == MouseButton.PRIMARY && getItem() != null) onOpen.accept(getItem());
                });
            }

            @Override
            protected void updateItem(Integer index, boolean empty) {
                super.updateItem(index, empty);
                setGraphic(empty || index == null || set.get() == null ? null : new SampleTile(set.get(), index));
            }
        });
    }

    GridView<Integer> view() {
        return grid;
    }

    void show(EvaluatedSet evaluated, List<Integer> indices) {
        set.set(evaluated);
        grid.getItems().setAll(indices);
    }
}
