package io.handwritingstudio.ui.network;

import io.handwritingstudio.ui.kit.Texts;
import atlantafx.base.theme.Styles;

import io.handwritingstudio.ui.kit.ColorMaps;
import io.handwritingstudio.ui.kit.SaliencyOverlay;
import io.handwritingstudio.ui.kit.ExplainNote;

import io.handwritingstudio.inference.Ranking;
import io.handwritingstudio.ui.kit.Formats;
import io.handwritingstudio.ui.kit.ProbabilityBars;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;

/** The input with its saliency overlay, the prediction and the top-3 probabilities. */
final class SaliencyPanel extends VBox {
    private static final int TOP = 3;
    private final SaliencyOverlay overlay = new SaliencyOverlay(7);
    private final Label prediction = new Label("–");
    private final Label confidence = new Label();
    private final ProbabilityBars top = ProbabilityBars.topK(TOP, false);

    SaliencyPanel() {
        super(10);
        getStyleClass().addAll("card-pane", "network-card");
        setPadding(new Insets(14));
        setPrefWidth(240);
        setMinWidth(240);
        Label title = Texts.title("Prediction and saliency");
        prediction.setId("prediction-label");
        prediction.getStyleClass().add("prediction-big");
        confidence.setId("prediction-confidence");
        confidence.getStyleClass().add(Styles.TEXT_MUTED);
        VBox predictionText = new VBox(0, new Label("Predicted"), prediction, confidence);
        predictionText.getChildren().get(0).getStyleClass().add(Styles.TEXT_MUTED);

        top.setId("network-top-bars");

        Slider blend = new Slider(0, 1, overlay.blendProperty().get());
        blend.setId("saliency-blend");
        overlay.blendProperty().bind(blend.valueProperty());
        HBox blendRow = new HBox(8, new Label("Overlay"), blend);
        blendRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(blend, Priority.ALWAYS);
        ColorBar heat = new ColorBar(ColorMaps::heat, 80);
        heat.setRange("unused", "relied on");

        getChildren().addAll(title, overlay, blendRow, heat, predictionText, top, new ExplainNote("saliency-note", "Where the network looks",
                "The glow marks the pixels the network relies on: covering them with a small square makes "
                        + "the predicted class much less likely. No glow: covering there changes nothing."));
    }

    SaliencyOverlay overlay() {
        return overlay;
    }

    void show(float[] pixels, float[] saliency, List<String> classNames, float[] probabilities) {
        overlay.show(pixels, saliency);
        int best = Ranking.argmax(probabilities);
        prediction.setText(classNames.get(best));
        confidence.setText(Formats.percent(probabilities[best]) + " confident");
        top.setClasses(classNames);
        top.show(probabilities);
    }

    void showInputOnly(float[] pixels) {
        overlay.show(pixels, null);
        prediction.setText("–");
        confidence.setText("Load a model to see what it predicts.");
        top.show(null);
    }
}
