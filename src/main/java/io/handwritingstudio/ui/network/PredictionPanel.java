package io.handwritingstudio.ui.network;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Locale;

/** The input with its saliency overlay, the prediction and the top-3 probabilities. */
final class PredictionPanel extends VBox {
    private static final int TOP = 3;
    private final SaliencyOverlay overlay = new SaliencyOverlay(7);
    private final Label prediction = new Label("–");
    private final Label confidence = new Label();
    private final Label[] names = new Label[TOP];
    private final ProgressBar[] bars = new ProgressBar[TOP];
    private final Label[] percents = new Label[TOP];

    PredictionPanel() {
        super(10);
        getStyleClass().addAll("card-pane", "network-card");
        setPadding(new Insets(14));
        setPrefWidth(240);
        setMinWidth(240);
        Label title = new Label("Prediction and saliency");
        title.getStyleClass().add("section-title");
        prediction.setId("prediction-label");
        prediction.getStyleClass().add("prediction-big");
        confidence.setId("prediction-confidence");
        confidence.getStyleClass().add("muted");
        VBox predictionText = new VBox(0, new Label("Predicted"), prediction, confidence);
        predictionText.getChildren().get(0).getStyleClass().add("muted");

        GridPane top = new GridPane();
        top.setHgap(8);
        top.setVgap(6);
        for (int i = 0; i < TOP; i++) {
            names[i] = new Label();
            names[i].setId("top-name-" + i);
            names[i].getStyleClass().add("top-name");
            bars[i] = new ProgressBar(0);
            bars[i].setMaxWidth(Double.MAX_VALUE);
            GridPane.setHgrow(bars[i], Priority.ALWAYS);
            percents[i] = new Label();
            percents[i].setId("top-percent-" + i);
            percents[i].getStyleClass().add("top-percent");
            top.addRow(i, names[i], bars[i], percents[i]);
        }

        Slider blend = new Slider(0, 1, overlay.blendProperty().get());
        blend.setId("saliency-blend");
        overlay.blendProperty().bind(blend.valueProperty());
        HBox blendRow = new HBox(8, new Label("Overlay"), blend);
        blendRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(blend, Priority.ALWAYS);
        ColorBar heat = new ColorBar(ColorMaps::heat, 80);
        heat.setRange("unused", "relied on");

        getChildren().addAll(title, overlay, blendRow, heat, predictionText, top, new ExplainNote("saliency-note", true,
                "The glow marks the pixels the network relies on: covering them with a small square makes "
                        + "the predicted class much less likely. No glow: covering there changes nothing."));
    }

    SaliencyOverlay overlay() {
        return overlay;
    }

    void show(float[] pixels, float[] saliency, List<String> classNames, float[] probabilities, List<Integer> top) {
        overlay.show(pixels, saliency);
        int best = top.get(0);
        prediction.setText(classNames.get(best));
        confidence.setText(String.format(Locale.ROOT, "%.1f %% confident", 100 * probabilities[best]));
        for (int i = 0; i < TOP; i++) {
            boolean has = i < top.size();
            names[i].setText(has ? classNames.get(top.get(i)) : "");
            bars[i].setProgress(has ? probabilities[top.get(i)] : 0);
            percents[i].setText(has ? String.format(Locale.ROOT, "%.1f %%", 100 * probabilities[top.get(i)]) : "");
        }
    }

    void showInputOnly(float[] pixels) {
        overlay.show(pixels, null);
        prediction.setText("–");
        confidence.setText("Load a model to see what it predicts.");
    }
}
