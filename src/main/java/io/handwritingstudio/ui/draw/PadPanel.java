package io.handwritingstudio.ui.draw;

import io.handwritingstudio.ui.kit.Texts;
import atlantafx.base.controls.Spacer;

import atlantafx.base.theme.Styles;

import io.handwritingstudio.inference.ImageFiles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.io.File;

/**
 * The drawing pad: pen tools, the paper (or an opened picture in its place), and opening/pasting/dropping images.
 */
final class PadPanel extends VBox {
    private final DrawViewModel vm;
    private final DrawingCanvas canvas;
    private final Label padHint = new Label();

    PadPanel(DrawViewModel vm) {
        super(10);
        this.vm = vm;
        this.canvas = new DrawingCanvas(vm.sketch());
        getStyleClass().addAll("card-pane", "draw-column");
        Label title = Texts.title("Pad");
        getChildren().addAll(title, penTools(), paper(), fileTools());
    }

    private HBox penTools() {
        Slider width = new Slider(6, 40, canvas.penWidthProperty().get());
        width.setId("draw-pen-width");
        width.setPrefWidth(110);
        width.setTooltip(new Tooltip("Pen width"));
        canvas.penWidthProperty().bind(width.valueProperty());
        Label widthLabel = new Label("Pen");
        widthLabel.getStyleClass().add(Styles.TEXT_MUTED);

        ToggleButton eraser = new ToggleButton("Eraser");
        eraser.setId("draw-eraser");
        eraser.setTooltip(new Tooltip("Rub out parts of the drawing"));
        canvas.eraserProperty().bind(eraser.selectedProperty());

        Button undo = new Button("Undo");
        undo.setId("draw-undo");
        undo.setTooltip(new Tooltip("Remove the last stroke"));
        undo.setOnAction(e -> vm.undo());
        Button clear = new Button("Clear");
        clear.setId("draw-clear");
        clear.setOnAction(e -> vm.clear());
        var noStrokes = Bindings.createBooleanBinding(() -> vm.sketch().strokeCount() == 0 || vm.imageProperty().get() != null,
                vm.sketch().revisionProperty(), vm.imageProperty());
        undo.disableProperty().bind(noStrokes);

        Spacer grow = new Spacer();
        HBox row = new HBox(8, widthLabel, width, grow, eraser, undo, clear);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private StackPane paper() {
        padHint.getStyleClass().add("draw-pad-hint");
        padHint.setMouseTransparent(true);
        padHint.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> vm.sketch().isBlank() && !vm.sketch().isDrawing() && vm.imageProperty().get() == null,
                vm.sketch().revisionProperty(), vm.imageProperty()));
        vm.readingProperty().addListener((o, a, b) -> updateHint());
        updateHint();

        ImageView picture = new ImageView();
        picture.setId("draw-picture");
        picture.setFitWidth(Sketch.SIZE);
        picture.setFitHeight(Sketch.SIZE);
        picture.setPreserveRatio(true);
        picture.setSmooth(true);
        Button back = new Button("Back to drawing");
        back.setId("draw-back");
        back.getStyleClass().add("accent");
        back.setOnAction(e -> vm.backToDrawing());
        Label name = new Label();
        name.getStyleClass().add("draw-picture-name");
        VBox overlay = new VBox(6, name, back);
        overlay.setAlignment(Pos.BOTTOM_CENTER);
        overlay.setPickOnBounds(false);
        StackPane pictureLayer = new StackPane(picture, overlay);
        pictureLayer.getStyleClass().add("draw-picture-layer");
        pictureLayer.setId("draw-picture-layer");
        pictureLayer.setPadding(new javafx.geometry.Insets(0, 0, 10, 0));
        pictureLayer.visibleProperty().bind(vm.imageProperty().isNotNull());
        vm.imageProperty().addListener((o, a, img) -> {
            picture.setImage(img == null ? null : img.preview());
            name.setText(img == null ? "" : img.name());
        });

        StackPane paper = new StackPane(canvas, padHint, pictureLayer);
        paper.getStyleClass().add("draw-paper");
        paper.setMaxSize(Sketch.SIZE + 2, Sketch.SIZE + 2);
        paper.setMinSize(Sketch.SIZE + 2, Sketch.SIZE + 2);
        PictureTransfer.acceptDrops(paper, receiver());
        Label problem = new Label();
        problem.setId("draw-problem");
        problem.getStyleClass().add("draw-problem");
        Texts.wrapping(problem);
        problem.textProperty().bind(vm.problemProperty());
        problem.visibleProperty().bind(vm.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        VBox box = new VBox(6, paper, problem);
        box.setAlignment(Pos.TOP_CENTER);
        return new StackPane(box);
    }

    private void updateHint() {
        var model = vm.model();
        padHint.setText(model == null ? "Draw here" : "Draw " + Wording.aCharacter(model.classNames()) + " here");
    }

    private HBox fileTools() {
        Button open = new Button("Open image…");
        open.setId("draw-open");
        open.setTooltip(new Tooltip("Read a photo or scan of one handwritten character (or drop it on the pad)"));
        open.setOnAction(e -> chooseFile());
        Button paste = new Button("Paste");
        paste.setId("draw-paste");
        paste.setTooltip(new Tooltip("Paste a picture or an image file from the clipboard (Ctrl+V)"));
        paste.setOnAction(e -> paste());
        Label tip = new Label("or drop an image on the pad");
        tip.getStyleClass().add(Styles.TEXT_MUTED);
        HBox row = new HBox(8, open, paste, tip);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a picture of a handwritten character");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Images",
                ImageFiles.EXTENSIONS.stream().sorted().map(x -> "*." + x).toList()));
        File file = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) vm.open(file.toPath());
    }

    /** Ctrl+V and the Paste button: a picture, or the first file, on the clipboard. */
    void paste() {
        PictureTransfer.paste(receiver());
    }

    private PictureTransfer.Receiver receiver() {
        return new PictureTransfer.Receiver() {
            @Override public void openFile(java.nio.file.Path file) { vm.open(file); }
            @Override public void openPicture(javafx.scene.image.Image picture, String name) { vm.open(picture, name); }
            @Override public void refuse(String problem) { vm.problemProperty().set(problem); }
        };
    }
}
