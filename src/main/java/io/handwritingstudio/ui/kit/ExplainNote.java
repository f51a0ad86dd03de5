package io.handwritingstudio.ui.kit;

import atlantafx.base.controls.Popover;
import atlantafx.base.theme.Styles;
import javafx.scene.control.Button;
import javafx.scene.control.Label;

/**
 * The studio's one kind of help beside a picture: a small "What am I looking at?" button that opens a short
 * plain-language explanation in a popover, out of the way until asked for.
 */
public final class ExplainNote extends Button {
    private static final double ROOM = 440; // the popover's width and its arrow

    /** A short explanation that stays on screen where a view has room for it (the same look as the popover's text). */
    public static Label inline(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("explain");
        Texts.wrapping(label);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // whole sentences; the pane scrolls instead
        return label;
    }

    /** @param text paragraphs separated by single newlines */
    public ExplainNote(String id, String title, String text) {
        super("What am I looking at?");
        setId(id);
        getStyleClass().addAll(Styles.FLAT, Styles.SMALL, "explain-button");
        Label body = new Label(text.replace("\n", "\n\n")); // a blank line between paragraphs
        Texts.wrapping(body);
        body.setMaxWidth(380);
        body.getStyleClass().add("explain-text");
        Popover popover = new Popover(body);
        popover.setTitle(title);
        popover.setHeaderAlwaysVisible(true);
        popover.setDetachable(false);
        setOnAction(e -> {
            if (popover.isShowing()) {
                popover.hide();
                return;
            }
            // open towards the side with room: a popover hanging left of a button near the left edge leaves the window
            var onScreen = localToScreen(getBoundsInLocal());
            var window = getScene().getWindow();
            boolean roomOnTheLeft = onScreen == null || onScreen.getMaxX() - window.getX() > ROOM;
            popover.setArrowLocation(roomOnTheLeft ? Popover.ArrowLocation.TOP_RIGHT : Popover.ArrowLocation.TOP_LEFT);
            popover.show(this);
        });
    }
}
