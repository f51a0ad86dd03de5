package io.handwritingstudio.ui.evaluation;

import atlantafx.base.controls.Popover;
import atlantafx.base.theme.Styles;
import javafx.scene.control.Button;
import javafx.scene.control.Label;

/** A small "What am I looking at?" button that opens a short explanation beside it, out of the way. */
final class ExplainButton {
    private ExplainButton() {
    }

    static Button create(String id, String title, String text) {
        Button button = new Button("What am I looking at?");
        button.setId(id);
        button.getStyleClass().addAll(Styles.FLAT, Styles.SMALL, "explain-button");
        Label body = new Label(text.replace("\n", "\n\n")); // a blank line between paragraphs
        body.setWrapText(true);
        body.setMaxWidth(380);
        body.getStyleClass().add("explain-text");
        Popover popover = new Popover(body);
        popover.setTitle(title);
        popover.setHeaderAlwaysVisible(true);
        popover.setDetachable(false);
        popover.setArrowLocation(Popover.ArrowLocation.TOP_RIGHT);
        button.setOnAction(e -> {
            if (popover.isShowing()) popover.hide();
            else popover.show(button);
        });
        return button;
    }
}
