package io.handwritingstudio.ui.evaluation;

import atlantafx.base.controls.Spacer;

import atlantafx.base.theme.Styles;

import io.handwritingstudio.ui.kit.GrayImages;

import io.handwritingstudio.ui.kit.Formats;
import io.handwritingstudio.evaluation.Misclassification;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.function.Supplier;

/** One row of the misclassified explorer: image, true and predicted class, confidence, top-3 probability bars. */
final class ErrorListCell extends ListCell<Misclassification> {
    private final Supplier<EvaluatedSet> set;

    ErrorListCell(Supplier<EvaluatedSet> set) {
        this.set = set;
        getStyleClass().add("error-row");
    }

    @Override
    protected void updateItem(Misclassification m, boolean empty) {
        super.updateItem(m, empty);
        EvaluatedSet s = set.get();
        if (empty || m == null || s == null) {
            setGraphic(null);
            return;
        }
        ImageView image = new ImageView(GrayImages.sample(s.images(), m.index()));
        image.setFitWidth(44);
        image.setFitHeight(44);
        image.setSmooth(false);
        Label truth = new Label("true " + s.className(m.trueClass()));
        truth.getStyleClass().add("right-text");
        Label guess = new Label("predicted " + s.className(m.predictedClass()));
        guess.getStyleClass().add("wrong-text");
        Label detail = new Label(Formats.percent(m.confidence()) + " sure · #" + m.index());
        detail.getStyleClass().add(Styles.TEXT_MUTED);
        VBox labels = new VBox(1, new HBox(10, truth, guess), detail);
        labels.setMinWidth(190);
        Spacer grow = new Spacer();
        Label open = new Label("Open in network view ›");
        open.getStyleClass().addAll(Styles.TEXT_MUTED, "open-hint");
        HBox row = new HBox(14, image, labels, s.topBars(m.index()), grow, open);
        row.setAlignment(Pos.CENTER_LEFT);
        setGraphic(row);
        setText(null);
    }
}
