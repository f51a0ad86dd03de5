package io.handwritingstudio.ui.kit;

import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Region;

/** The studio's two text roles above content (a section's title, the caption over a number or a group), and wrapping text. */
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

    /**
     * Lets a label (or a radio button's, a check box's text) wrap over as many lines as its text needs. A wrapping
     * label in a VBox, GridPane or FlowPane is otherwise laid out one line high when space is short and shows "..."
     * instead of its second line.
     */
    public static <L extends Labeled> L wrapping(L label) {
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    /**
     * What an empty list or table says, wrapped over as many lines as the space needs: a bare label there ran off as
     * "...the two models put there diffe..." in a narrow column.
     */
    public static Label placeholder(String text) {
        Label label = wrapping(new Label(text));
        label.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        label.setPadding(new javafx.geometry.Insets(12));
        return label;
    }

    private static Label styled(String text, String styleClass) {
        Label label = new Label(text);
        label.getStyleClass().add(styleClass);
        return label;
    }
}
