package io.handwritingstudio.ui.datasets;

import io.handwritingstudio.ui.kit.Texts;
import atlantafx.base.theme.Styles;

import io.handwritingstudio.ui.kit.ExplainNote;

import io.handwritingstudio.ui.kit.PixelGrid;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The selected sample, large: its pixels (crisp), label, index and the value of the pixel under the mouse. */
final class SampleDetailPane extends VBox {
    private final PixelGrid grid = new PixelGrid(280);
    private final Label label = new Label("–");
    private final Label index = new Label("No sample selected");
    private final Label pixel = new Label("Point at a pixel to read its value");
    private final Button inspect = new Button("Inspect in network");

    SampleDetailPane(DatasetsViewModel model, Runnable onInspect) {
        super(10);
        getStyleClass().addAll("card-pane", "sample-detail");
        setAlignment(Pos.TOP_CENTER);
        setMinWidth(310);
        setMaxWidth(310);
        Label title = Texts.title("Selected sample");
        grid.setId("detail-canvas");
        label.setId("detail-label");
        label.getStyleClass().add("detail-big-label");
        index.setId("detail-index");
        index.getStyleClass().add(Styles.TEXT_MUTED);
        pixel.setId("detail-pixel");
        pixel.getStyleClass().add("mono");
        inspect.setId("inspect-button");
        inspect.getStyleClass().add("accent");
        inspect.setMaxWidth(Double.MAX_VALUE);
        inspect.setOnAction(e -> onInspect.run());
        inspect.setDisable(true);
        StackPane frame = new StackPane(grid);
        frame.getStyleClass().add("pixel-frame");
        Label explain = ExplainNote.inline("Each square is one of the 28 x 28 pixels the network sees: 0 is background, "
                + "255 is full ink.");
        getChildren().addAll(title, frame, label, index, pixel, inspect, explain);

        grid.hoveredPixelProperty().addListener((o, was, h) -> pixel.setText(h == null
                ? "Point at a pixel to read its value"
                : String.format(Locale.ROOT, "row %d, col %d: value %d", h.row(), h.col(), h.value())));
        model.selectedIndexProperty().addListener((o, was, is) -> show(model));
        model.datasetProperty().addListener((o, was, is) -> show(model));
    }

    private void show(DatasetsViewModel model) {
        LoadedDataset d = model.dataset();
        int i = model.selectedIndexProperty().get();
        if (d == null || i < 0 || i >= d.size()) {
            grid.clear();
            label.setText("–");
            index.setText("No sample selected");
            inspect.setDisable(true);
            return;
        }
        grid.setImage(d.images().imageBytes(i), d.images().rows(), d.images().cols());
        label.setText("Label: " + d.className(i));
        index.setText(String.format(Locale.ROOT, "Sample #%,d of %,d · %s %s", i, d.size(), d.name(),
                d.split().name().toLowerCase(Locale.ROOT)));
        inspect.setDisable(false);
    }

    PixelGrid grid() {
        return grid;
    }
}
