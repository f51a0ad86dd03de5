package io.handwritingstudio.ui.kit;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Rectangle;

/** One legend entry, a colour swatch and what it means, the same in every chart and matrix of the studio. */
public final class Legend {
    private Legend() {
    }

    /** @param themeColour a looked-up AtlantaFX colour (e.g. {@code -color-success-emphasis}), so it follows the theme */
    public static HBox entry(String themeColour, String text) {
        Rectangle swatch = swatch();
        swatch.setStyle("-fx-fill: " + themeColour + ";");
        return row(swatch, text);
    }

    /** @param fill a fixed colour (class colours, colour maps) */
    public static HBox entry(Paint fill, String text) {
        Rectangle swatch = swatch();
        swatch.setFill(fill);
        return row(swatch, text);
    }

    private static Rectangle swatch() {
        Rectangle r = new Rectangle(12, 12);
        r.setArcWidth(4);
        r.setArcHeight(4);
        return r;
    }

    private static HBox row(Rectangle swatch, String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        HBox box = new HBox(5, swatch, l);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("legend-entry");
        return box;
    }
}
