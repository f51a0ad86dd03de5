package io.handwritingstudio.ui.draw;

import atlantafx.base.controls.Spacer;

import atlantafx.base.theme.Styles;

import io.handwritingstudio.ui.context.StudioContext;
import io.handwritingstudio.ui.context.StudioView;
import io.handwritingstudio.ui.kit.ModelPicker;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Objects;

/**
 * The drawing pad: draw a character (or open a photo of one) and watch every class's probability move as you
 * draw, with the 28x28 input the network actually reads beside it.
 */
public final class DrawView implements StudioView {
    private static final KeyCombination PASTE = new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);

    private final DrawViewModel vm;
    private final LineReadingViewModel lineVm;
    private final LineModePanel linePanel;
    private final BorderPane root = new BorderPane();
    private final PadPanel pad;
    private final ToggleButton lineMode = new ToggleButton("A line");

    public DrawView(StudioContext context) {
        vm = new DrawViewModel(context);
        root.setId("draw-view");
        root.getProperties().put(DrawViewModel.class, vm); // lets tests and tours drive the pad
        lineVm = new LineReadingViewModel(context);
        root.getProperties().put(LineReadingViewModel.class, lineVm);
        linePanel = new LineModePanel(lineVm);
        root.getStylesheets().add(Objects.requireNonNull(DrawView.class.getResource("/ui/draw.css")).toExternalForm());
        pad = new PadPanel(vm);
        pad.getChildren().addAll(new Separator(), new SampleSaver(context, vm));
        PredictionPanel prediction = new PredictionPanel(vm);
        NetworkInputPanel input = new NetworkInputPanel(vm);
        pad.setMinWidth(Region.USE_PREF_SIZE);
        input.setMinWidth(Region.USE_PREF_SIZE);
        prediction.setMinWidth(280);
        HBox.setHgrow(prediction, Priority.ALWAYS);
        HBox columns = new HBox(14, pad, prediction, input);
        columns.setFillHeight(true);
        VBox stacked = new VBox(14);
        HBox.setHgrow(stacked, Priority.ALWAYS);

        Label modelLabel = new Label("Model");
        modelLabel.getStyleClass().add(Styles.TEXT_MUTED);
        Label shortcut = new Label("Ctrl+V pastes a picture · drop an image on the pad");
        shortcut.getStyleClass().add(Styles.TEXT_MUTED);
        Spacer grow = new Spacer();
        HBox top = new HBox(8, modelLabel, new ModelPicker(context, "draw-model"), modeToggle(), grow, shortcut);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(0, 0, 10, 0));

        ScrollPane scroll = new ScrollPane(columns);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        // three columns where they fit; else the input panel goes under the bars: the view never scrolls sideways
        scroll.viewportBoundsProperty().addListener((o, was, is) -> {
            double threeColumns = pad.prefWidth(-1) + Math.max(prediction.minWidth(-1), prediction.prefWidth(-1))
                    + input.prefWidth(-1) + 2 * 14;
            boolean narrow = is.getWidth() < threeColumns;
            if (narrow && input.getParent() != stacked) {
                stacked.getChildren().setAll(prediction, input);
                columns.getChildren().setAll(pad, stacked);
                scroll.setFitToHeight(false);
            } else if (!narrow && input.getParent() != columns) {
                stacked.getChildren().clear();
                columns.getChildren().setAll(pad, prediction, input);
                scroll.setFitToHeight(true);
            }
        });
        scroll.getStyleClass().add("draw-scroll");
        root.setTop(top);
        root.setCenter(scroll);
        ScrollPane lineScroll = new ScrollPane(linePanel);
        lineScroll.setFitToWidth(true);
        lineScroll.getStyleClass().add("draw-scroll");
        lineScroll.setId("line-mode");
        lineMode.selectedProperty().addListener((o, was, line) -> root.setCenter(line ? lineScroll : scroll));
        root.sceneProperty().addListener((o, old, scene) -> installShortcuts(scene));
    }

    /** "One character / A line": the line mode reads a whole number or word on a wide paper. */
    private HBox modeToggle() {
        ToggleButton one = new ToggleButton("One character");
        one.setId("draw-mode-character");
        lineMode.setId("draw-mode-line");
        ToggleGroup group = new ToggleGroup();
        one.setToggleGroup(group);
        lineMode.setToggleGroup(group);
        one.setSelected(true);
        group.selectedToggleProperty().addListener((o, was, is) -> {
            if (is == null) was.setSelected(true); // one of the two is always on
        });
        HBox box = new HBox(0, one, lineMode);
        box.getStyleClass().add("draw-mode");
        one.getStyleClass().add("left-pill");
        lineMode.getStyleClass().add("right-pill");
        return box;
    }

    /** Ctrl+V pastes into the pad and Ctrl+Z undoes a stroke, while the pad is the view shown. */
    private void installShortcuts(Scene scene) {
        if (scene == null || scene.getProperties().containsKey(PASTE)) return;
        scene.getProperties().put(PASTE, Boolean.TRUE);
        scene.getAccelerators().put(PASTE, () -> {
            if (root.getScene() == null) return; // another view is shown: nothing takes it
            if (lineMode.isSelected()) linePanel.paste();
            else pad.paste();
        });
        scene.getAccelerators().put(UNDO, () -> {
            if (root.getScene() == null) return;
            if (lineMode.isSelected()) lineVm.sketch().undo();
            else vm.undo();
        });
    }

    public DrawViewModel viewModel() {
        return vm;
    }

    public LineReadingViewModel lineViewModel() {
        return lineVm;
    }

    @Override public String id() { return "draw"; }
    @Override public String title() { return "Draw"; }
    @Override public String subtitle() { return "Draw a character and watch every class's probability move as you draw"; }
    @Override public Node root() { return root; }
}
