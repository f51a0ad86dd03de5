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
        button.setOnAction(e -> {
            if (popover.isShowing()) {
                popover.hide();
                return;
            }
            // open towards the side with room: a popover hanging left of a button near the left edge leaves the window
            var onScreen = button.localToScreen(button.getBoundsInLocal());
            var window = button.getScene().getWindow();
            boolean roomOnTheLeft = onScreen == null || onScreen.getMaxX() - window.getX() > 440;
            popover.setArrowLocation(roomOnTheLeft ? Popover.ArrowLocation.TOP_RIGHT : Popover.ArrowLocation.TOP_LEFT);
            popover.show(button);
        });
        return button;
    }
}
