package io.handwritingstudio.ui.draw;

import io.handwritingstudio.inference.reading.LineReading;
import io.handwritingstudio.ui.kit.Formats;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

import java.util.List;

/**
 * The line mode's paper: the wide canvas (or the opened picture), a box over each character read, and under the
 * paper the reading of each box, lined up with it. Clicking a reading selects that character.
 */
final class LinePaper extends VBox {
    static final double STRIP = 40;
    private static final double CHIP = 30;

    private final LineReadingViewModel vm;
    private final DrawingCanvas canvas;
    private final ImageView picture = new ImageView();
    private final Pane boxes = new Pane();
    private final Pane strip = new Pane();

    LinePaper(LineReadingViewModel vm) {
        this.vm = vm;
        canvas = new DrawingCanvas(vm.sketch(), LineReadingViewModel.WIDTH, LineReadingViewModel.HEIGHT, "line-canvas");
        picture.setId("line-picture");
        picture.setFitWidth(LineReadingViewModel.WIDTH);
        picture.setFitHeight(LineReadingViewModel.HEIGHT);
        picture.setPreserveRatio(true);
        picture.setSmooth(true);
        StackPane pictureLayer = new StackPane(picture);
        pictureLayer.getStyleClass().add("draw-picture-layer");
        pictureLayer.visibleProperty().bind(vm.imageProperty().isNotNull());
        boxes.setMouseTransparent(true); // the pen draws through the boxes
        boxes.setId("line-boxes");
        Label hint = new Label();
        hint.setId("line-hint");
        hint.textProperty().bind(vm.hintProperty());
        hint.getStyleClass().add("draw-pad-hint");
        hint.setMouseTransparent(true);
        hint.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !vm.sketch().isDrawing() && vm.imageProperty().get() == null && vm.sketch().isBlank(),
                vm.sketch().revisionProperty(), vm.imageProperty()));
        StackPane paper = new StackPane(canvas, hint, pictureLayer, boxes);
        paper.getStyleClass().add("draw-paper");
        PictureTransfer.acceptDrops(paper, vm);
        double w = LineReadingViewModel.WIDTH + 2;
        double h = LineReadingViewModel.HEIGHT + 2;
        paper.setMinSize(w, h);
        paper.setMaxSize(w, h);
        strip.setId("line-strip");
        strip.setMinSize(w, STRIP);
        strip.setMaxSize(w, STRIP);
        getChildren().addAll(paper, strip);

        vm.imageProperty().addListener((o, a, img) -> picture.setImage(img == null ? null
                : img.preview() != null ? img.preview() : ImageImport.preview(img.pixels())));
        vm.resultProperty().addListener((o, a, r) -> redraw());
        vm.selectedProperty().addListener((o, a, b) -> redraw());
        vm.correctionsProperty().addListener((o, a, b) -> redraw());
    }

    DrawingCanvas canvas() {
        return canvas;
    }

    private void redraw() {
        LineReadingViewModel.Result r = vm.resultProperty().get();
        List<LineReading.Character> cs = r == null ? List.of() : r.characters();
        boxes.getChildren().clear();
        strip.getChildren().clear();
        for (int i = 0; i < cs.size(); i++) {
            LineReading.Character c = cs.get(i);
            double[] b = r.paperBox(i);
            boolean low = c.confidence() < LineReadingViewModel.LOW_CONFIDENCE;
            boolean fixed = vm.correctionsProperty().get().containsKey(i);
            Rectangle box = new Rectangle(b[0] - 2, b[1] - 2, b[2] + 4, b[3] + 4);
            box.getStyleClass().add("line-box");
            if (low && !fixed) box.getStyleClass().add("line-box-low");
            if (i == vm.selectedProperty().get()) box.getStyleClass().add("line-box-selected");
            boxes.getChildren().add(box);

            Label chip = new Label(vm.label(i));
            chip.setId("line-char-" + i);
            chip.getStyleClass().add("line-chip");
            if (low && !fixed) chip.getStyleClass().add("line-chip-low");
            if (fixed) chip.getStyleClass().add("line-chip-fixed");
            if (i == vm.selectedProperty().get()) chip.getStyleClass().add("line-chip-selected");
            chip.setMinSize(CHIP, CHIP);
            chip.setPrefSize(CHIP, CHIP);
            double centre = b[0] + b[2] / 2;
            chip.setLayoutX(Math.max(0, Math.min(LineReadingViewModel.WIDTH - CHIP, centre - CHIP / 2)));
            chip.setLayoutY(5);
            String sure = Formats.percent(c.confidence()) + " sure";
            chip.setTooltip(new Tooltip(fixed ? "You said " + vm.label(i) + " (read as " + c.prediction() + ", " + sure + ")"
                    : low ? "Only " + sure + ": check it" : sure));
            int index = i;
            chip.setOnMouseClicked(e -> vm.select(index));
            strip.getChildren().add(chip);
        }
    }
}
