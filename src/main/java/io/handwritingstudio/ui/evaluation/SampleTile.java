package io.handwritingstudio.ui.evaluation;

import atlantafx.base.theme.Styles;

import io.handwritingstudio.ui.kit.GrayImages;

import io.handwritingstudio.ui.kit.Formats;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * One evaluated sample as a card: the image, "true 4 → 9" with the confidence, and the top-3 probabilities.
 * Wrong predictions get the "wrong" style (a red border).
 */
final class SampleTile extends VBox {
    static final double IMAGE_SIZE = 56;

    SampleTile(EvaluatedSet set, int index) {
        super(4);
        getStyleClass().add("sample-tile");
        int truth = set.report().trueLabel(index), guess = set.report().predicted(index);
        boolean wrong = truth != guess;
        if (wrong) getStyleClass().add("wrong");
        ImageView image = new ImageView(GrayImages.sample(set.images(), index));
        image.setFitWidth(IMAGE_SIZE);
        image.setFitHeight(IMAGE_SIZE);
        image.setSmooth(false);
        Label verdict = new Label(wrong ? "true " + set.className(truth) + " → " + set.className(guess)
                : set.className(guess) + " ✓");
        verdict.getStyleClass().addAll("tile-verdict", wrong ? "wrong-text" : "right-text");
        Label confidence = new Label(Formats.percent(set.report().confidence(index)) + " sure");
        confidence.getStyleClass().add(Styles.TEXT_MUTED);
        Label number = new Label("#" + index);
        number.getStyleClass().addAll(Styles.TEXT_MUTED, "tile-index");
        VBox text = new VBox(1, verdict, confidence, number);
        HBox top = new HBox(8, image, text);
        top.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(top, set.topBars(index));
        setUserData(index);
    }
}
