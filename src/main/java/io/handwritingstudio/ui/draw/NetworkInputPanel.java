package io.handwritingstudio.ui.draw;

import io.handwritingstudio.ui.kit.Texts;
import atlantafx.base.theme.Styles;

import io.handwritingstudio.data.MnistFormat;

import io.handwritingstudio.ui.kit.ExplainNote;

import io.handwritingstudio.ui.kit.PixelGrid;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * "What the network sees": the 28x28 input after preprocessing, enlarged, with the steps that made it, so
 * users see why a small or off-centre drawing still reads well.
 */
final class NetworkInputPanel extends VBox {
    private static final double STEP_SIDE = 72;
    private static final double WIDTH = 282;

    private final PixelGrid grid = new PixelGrid(8 * MnistFormat.SIDE);
    private final ImageView[] steps = {new ImageView(), new ImageView(), new ImageView()};

    NetworkInputPanel(DrawViewModel vm) {
        super(10);
        getStyleClass().addAll("card-pane", "draw-column");
        Label title = Texts.title("What the network sees");
        grid.setId("draw-input");
        grid.setGridLines(true);
        StackPane gridFrame = new StackPane(grid);
        gridFrame.getStyleClass().add("draw-input-frame");
        gridFrame.setMaxWidth(StackPane.USE_PREF_SIZE);
        Label gridCaption = new Label("The 28 × 28 input, pixel for pixel");
        gridCaption.getStyleClass().add(Styles.TEXT_MUTED);

        Label stepsTitle = new Label("From your drawing to the input");
        stepsTitle.getStyleClass().add("draw-subtitle");
        HBox stepRow = new HBox(8, step(0, "1  Picture"), step(1, "2  Ink only"), step(2, "3  Fit and centre"));
        stepRow.setAlignment(Pos.CENTER_LEFT);

        Label explain = ExplainNote.inline("MNIST digits were cropped to their ink, scaled so the longer side is 20 pixels and "
                + "centred by their centre of mass in a 28 × 28 frame (EMNIST's letters were scaled to 24 pixels and "
                + "centred by their box; a model whose card asks for that framing gets it). The network only ever saw characters framed like that, so your drawing goes through the "
                + "same steps: small, large or off-centre, it reaches the network looking alike. The characters model also "
                + "gets its ink flattened (cut to black and white, then softened once), as its digits and letters were, so "
                + "only their shapes tell them apart.");
        explain.setPrefWidth(WIDTH - 28);

        getChildren().addAll(title, gridFrame, gridCaption, stepsTitle, stepRow, explain);
        setAlignment(Pos.TOP_LEFT);
        setPrefWidth(WIDTH);
        setMaxWidth(WIDTH);
        vm.readingProperty().addListener((o, a, r) -> show(r));
    }

    private VBox step(int i, String caption) {
        ImageView view = steps[i];
        view.setFitWidth(STEP_SIDE);
        view.setFitHeight(STEP_SIDE);
        view.setPreserveRatio(true);
        view.setSmooth(false);
        StackPane frame = new StackPane(view);
        frame.getStyleClass().add("draw-step-frame");
        frame.setMinSize(STEP_SIDE + 6, STEP_SIDE + 6);
        frame.setMaxSize(STEP_SIDE + 6, STEP_SIDE + 6);
        Label label = new Label(caption);
        label.getStyleClass().addAll(Styles.TEXT_MUTED, "draw-step-caption");
        VBox box = new VBox(4, frame, label);
        box.setAlignment(Pos.TOP_CENTER);
        return box;
    }

    void show(Reading r) {
        float[] input = r == null || r.isBlank() ? null
                : r.hasPrediction() ? r.recognition().networkInput() : r.stages().result().pixels();
        grid.showInput(input, MnistFormat.SIDE, MnistFormat.SIDE);
        Image[] pictures = r == null ? new Image[3]
                : new Image[] {r.pictures().luminance(), r.isBlank() ? null : r.pictures().ink(), r.pictures().scaled()};
        for (int i = 0; i < steps.length; i++) steps[i].setImage(pictures[i]);
    }
}
