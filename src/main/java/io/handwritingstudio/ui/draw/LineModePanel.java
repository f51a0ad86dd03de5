package io.handwritingstudio.ui.draw;

import io.handwritingstudio.ui.kit.Texts;
import io.handwritingstudio.data.MnistFormat;

import atlantafx.base.controls.Spacer;

import atlantafx.base.theme.Styles;

import io.handwritingstudio.inference.ImageFiles;
import io.handwritingstudio.inference.reading.LineReading;
import io.handwritingstudio.ui.kit.Formats;
import io.handwritingstudio.ui.kit.PixelGrid;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.io.File;

/**
 * The pad's line mode: write a number or a word on a wide paper (or open a picture of a line) and see it read
 * character by character: boxes over the ink, each reading under its box (unsure ones marked), the steps behind it,
 * and the chosen character to correct, add to the samples, or look inside.
 */
final class LineModePanel extends VBox {
    private final LineReadingViewModel vm;
    private final LinePaper paper;
    private final Label text = new Label();
    private final PixelGrid chosenInput = new PixelGrid(84);
    private final Label chosenRead = new Label();
    private final TextField fix = new TextField();

    LineModePanel(LineReadingViewModel vm) {
        super(14);
        this.vm = vm;
        this.paper = new LinePaper(vm);
        VBox card = new VBox(10);
        card.getStyleClass().addAll("card-pane", "draw-column");
        Label title = Texts.title("A line");
        Label hint = new Label("Write a number or a word; each character is boxed and read.");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        HBox head = new HBox(10, title, hint);
        head.setAlignment(Pos.BASELINE_LEFT);
        Label problem = new Label();
        problem.setId("line-problem");
        problem.getStyleClass().add("draw-problem");
        Texts.wrapping(problem);
        problem.textProperty().bind(vm.problemProperty());
        problem.visibleProperty().bind(vm.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        card.getChildren().addAll(head, tools(), paper, reading(), problem);
        getChildren().addAll(card, new LineStepsPanel(vm));
        vm.resultProperty().addListener((o, a, b) -> update());
        vm.selectedProperty().addListener((o, a, b) -> update());
        vm.correctionsProperty().addListener((o, a, b) -> update());
        update();
    }

    private HBox tools() {
        Slider width = new Slider(6, 40, 22);
        width.setId("line-pen-width");
        width.setPrefWidth(110);
        width.setTooltip(new Tooltip("Pen width"));
        paper.canvas().penWidthProperty().bind(width.valueProperty());
        Label pen = new Label("Pen");
        pen.getStyleClass().add(Styles.TEXT_MUTED);
        ToggleButton eraser = new ToggleButton("Eraser");
        eraser.setId("line-eraser");
        paper.canvas().eraserProperty().bind(eraser.selectedProperty());
        Button undo = new Button("Undo");
        undo.setId("line-undo");
        undo.setOnAction(e -> vm.sketch().undo());
        undo.disableProperty().bind(Bindings.createBooleanBinding(
                () -> vm.sketch().strokeCount() == 0 || vm.imageProperty().get() != null,
                vm.sketch().revisionProperty(), vm.imageProperty()));
        Button clear = new Button("Clear");
        clear.setId("line-clear");
        clear.setOnAction(e -> vm.clear());
        Button open = new Button("Open image…");
        open.setId("line-open");
        open.setTooltip(new Tooltip("Read a photo or scan of a handwritten line"));
        open.setOnAction(e -> chooseFile());
        Button back = new Button("Back to drawing");
        back.setId("line-back");
        back.visibleProperty().bind(vm.imageProperty().isNotNull());
        back.managedProperty().bind(back.visibleProperty());
        back.setOnAction(e -> vm.backToDrawing());
        Spacer grow = new Spacer();
        HBox row = new HBox(8, pen, width, eraser, undo, clear, grow, open, back);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setMaxWidth(LineReadingViewModel.WIDTH + 2);
        return row;
    }

    /** The whole text, then the chosen character: its input, what it was read as, and what to do with it. */
    private HBox reading() {
        Label reads = new Label("Reads");
        reads.getStyleClass().add(Styles.TEXT_MUTED);
        text.setId("line-text");
        text.getStyleClass().add("line-text");
        VBox whole = new VBox(2, reads, text);
        whole.setMinWidth(200);
        HBox.setHgrow(whole, Priority.ALWAYS);

        chosenInput.setGridLines(true);
        chosenRead.setId("line-chosen");
        Texts.wrapping(chosenRead);
        fix.setId("line-fix");
        fix.setPrefColumnCount(2);
        fix.setPromptText("?");
        fix.setTooltip(new Tooltip("Type what this character really is"));
        fix.setOnAction(e -> vm.correct(vm.selectedProperty().get(), fix.getText()));
        Button add = new Button("Add to my samples");
        add.setId("line-add-sample");
        add.setOnAction(e -> {
            int i = vm.selectedProperty().get();
            if (fix.getText().isBlank() || vm.correct(i, fix.getText())) vm.save(i);
        });
        Button inside = new Button("Inside the network");
        inside.setId("line-inspect");
        inside.setOnAction(e -> vm.inspect(vm.selectedProperty().get()));
        Label is = new Label("It is");
        HBox actions = new HBox(8, is, fix, add, inside);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox details = new VBox(6, chosenRead, actions);
        HBox chosen = new HBox(10, chosenInput, details);
        chosen.setAlignment(Pos.CENTER_LEFT);
        actions.disableProperty().bind(vm.selectedProperty().lessThan(0));
        HBox row = new HBox(16, whole, chosen);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setMaxWidth(LineReadingViewModel.WIDTH + 2);
        return row;
    }

    private void update() {
        LineReadingViewModel.Result r = vm.resultProperty().get();
        boolean none = r == null || r.characters().isEmpty();
        text.setText(none ? (r != null && r.reading() == null ? "Load a model to read" : "–") : vm.text());
        int i = vm.selectedProperty().get();
        if (none || i < 0) {
            chosenInput.showInput(null, MnistFormat.SIDE, MnistFormat.SIDE);
            chosenRead.setText("Click a character under the line to check it");
            fix.clear();
            return;
        }
        LineReading.Character c = r.characters().get(i);
        chosenInput.showInput(c.networkInput(), MnistFormat.SIDE, MnistFormat.SIDE);
        String sure = Formats.percent(c.confidence()) + " sure";
        chosenRead.setText("Character " + (i + 1) + " read as " + c.prediction() + ", " + sure
                + (c.confidence() < LineReadingViewModel.LOW_CONFIDENCE ? ": check it" : ""));
        fix.setText(vm.label(i));
    }

    /** Ctrl+V in line mode: the clipboard's picture of a line, or its first image file. */
    void paste() {
        PictureTransfer.paste(vm);
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a picture of a handwritten line");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Images",
                ImageFiles.EXTENSIONS.stream().sorted().map(x -> "*." + x).toList()));
        File file = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) vm.openFile(file.toPath());
    }
}
