package io.handwritingstudio.ui.evaluation;

import io.handwritingstudio.ui.kit.Texts;
import atlantafx.base.controls.Spacer;

import atlantafx.base.theme.Styles;

import io.handwritingstudio.evaluation.Comparison.Disagreement;
import io.handwritingstudio.ui.kit.Formats;
import io.handwritingstudio.ui.kit.Theme;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.IntConsumer;

/** Images the two models read differently, one row each: what A says, what B says; a click opens the image. */
final class DisagreementList {
    private final ListView<Disagreement> list = new ListView<>();
    private ComparedSet set;

    DisagreementList(String id, String placeholder, IntConsumer onOpen) {
        list.setId(id);
        list.setPlaceholder(Texts.placeholder(placeholder));
        list.setCellFactory(l -> new Row());
        Theme.darkProperty().addListener((o, was, is) -> list.refresh()); // theme-drawn images
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY) open(onOpen);
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) open(onOpen);
        });
    }

    ListView<Disagreement> view() {
        return list;
    }

    void show(ComparedSet compared, List<Disagreement> rows) {
        set = compared;
        list.getItems().setAll(rows);
    }

    private void open(IntConsumer onOpen) {
        Disagreement d = list.getSelectionModel().getSelectedItem();
        if (d != null) onOpen.accept(d.index());
    }

    private final class Row extends ListCell<Disagreement> {
        Row() {
            getStyleClass().add("error-row");
            setPrefWidth(0); // as wide as the list, not as its widest row: the hint shrinks instead of a sideways bar
        }

        @Override
        protected void updateItem(Disagreement d, boolean empty) {
            super.updateItem(d, empty);
            setText(null);
            if (empty || d == null || set == null) {
                setGraphic(null);
                return;
            }
            EvaluatedSet a = set.a();
            ImageView image = new ImageView(io.handwritingstudio.ui.kit.GrayImages.sample(a.images(), d.index()));
            image.setFitWidth(44);
            image.setFitHeight(44);
            image.setSmooth(false);
            Label truth = new Label("true " + a.className(d.trueClass()));
            truth.setMinWidth(Region.USE_PREF_SIZE);
            Label detail = new Label("#" + d.index());
            detail.getStyleClass().add(Styles.TEXT_MUTED);
            VBox what = new VBox(1, truth, detail);
            what.setMinWidth(70);
            // A's and B's readings one above the other: side by side they made the list scroll sideways at 1024x700
            VBox readings = new VBox(1, says("A", d.predictedA(), d.confidenceA(), d.aRight()),
                    says("B", d.predictedB(), d.confidenceB(), d.bRight()));
            HBox row = new HBox(14, image, what, readings, grow(), hint());
            row.setAlignment(Pos.CENTER_LEFT);
            setGraphic(row);
        }

        private Label says(String model, int predicted, float confidence, boolean right) {
            Label l = new Label(model + " reads " + set.a().className(predicted) + " · " + Formats.percent(confidence)
                    + (right ? " ✓" : ""));
            l.getStyleClass().add(right ? "right-text" : "wrong-text");
            l.setMinWidth(Region.USE_PREF_SIZE);
            return l;
        }

        private static Label hint() {
            Label open = new Label("Inside the network ›");
            open.getStyleClass().addAll(Styles.TEXT_MUTED, "open-hint");
            open.setMinWidth(0);
            return open;
        }

        private static Region grow() {
            Spacer r = new Spacer();
            return r;
        }
    }
}
