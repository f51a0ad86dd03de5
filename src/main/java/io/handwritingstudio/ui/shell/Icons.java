package io.handwritingstudio.ui.shell;

import javafx.scene.Node;
import org.controlsfx.glyphfont.FontAwesome;
import org.controlsfx.glyphfont.Glyph;

import java.util.Map;

/** Sidebar and toolbar icons from the FontAwesome font bundled in ControlsFX (works offline). */
public final class Icons {
    private static final FontAwesome FONT = new FontAwesome();
    private static final Map<String, FontAwesome.Glyph> VIEW_ICONS = Map.of(
            "datasets", FontAwesome.Glyph.TH,
            "training", FontAwesome.Glyph.LINE_CHART,
            "evaluation", FontAwesome.Glyph.CHECK_SQUARE_ALT,
            "network", FontAwesome.Glyph.SITEMAP,
            "draw", FontAwesome.Glyph.PENCIL);

    private Icons() {
    }

    public static Node of(FontAwesome.Glyph glyph) {
        Glyph g = FONT.create(glyph).size(15);
        g.getStyleClass().add("studio-icon");
        g.setMinWidth(20);
        return g;
    }

    /** The icon of a view by its id, a dot for unknown ones. */
    public static Node forView(String viewId) {
        return of(VIEW_ICONS.getOrDefault(viewId, FontAwesome.Glyph.CIRCLE_ALT));
    }
}
