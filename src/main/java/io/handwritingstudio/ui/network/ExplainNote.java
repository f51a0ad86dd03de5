package io.handwritingstudio.ui.network;

import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;

/** A collapsed "What am I looking at?" note: plain-language help that stays out of the way until opened. */
final class ExplainNote extends TitledPane {
    ExplainNote(String id, String text) {
        Label body = new Label(text);
        body.setWrapText(true);
        body.getStyleClass().add("explain");
        setText("What am I looking at?");
        setContent(body);
        setExpanded(false);
        setAnimated(false);
        setId(id);
        getStyleClass().add("explain-note");
    }
}
