package io.handwritingstudio.ui.network;

import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;

/** A collapsed "What am I looking at?" note: plain-language help that stays out of the way until opened. */
final class ExplainNote extends TitledPane {
    ExplainNote(String id, String text) {
        this(id, false, text);
    }

    /** @param expanded open from the start, where the panel has room for it */
    ExplainNote(String id, boolean expanded, String text) {
        Label body = new Label(text);
        body.setWrapText(true);
        body.getStyleClass().add("explain");
        setText("What am I looking at?");
        setContent(body);
        setExpanded(expanded);
        body.setMinWidth(0);
        body.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        setMinWidth(0);
        setMaxWidth(Double.MAX_VALUE);
        setAnimated(false);
        setId(id);
        getStyleClass().add("explain-note");
    }
}
