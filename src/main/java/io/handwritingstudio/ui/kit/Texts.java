package io.handwritingstudio.ui.kit;

import javafx.scene.control.Label;

/** The studio's two text roles above content: a section's title, and the caption over a number or a group. */
public final class Texts {
    private Texts() {
    }

    /** The heading of a card or panel ({@code .section-title} in studio.css). */
    public static Label title(String text) {
        return styled(text, "section-title");
    }

    /** Small capitals over a figure or a group of controls ({@code .stat-caption}). */
    public static Label caption(String text) {
        return styled(text, "stat-caption");
    }

    private static Label styled(String text, String styleClass) {
        Label label = new Label(text);
        label.getStyleClass().add(styleClass);
        return label;
    }
}
