package io.handwritingstudio.ui.kit;

import javafx.application.Application;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * The theme's colours for what the studio paints itself (canvases, images, charts drawn by hand), read from the
 * AtlantaFX theme's looked-up colours so that painted pixels match the controls around them in light and dark.
 */
public record Palette(Color background, Color subtle, Color border, Color text, Color muted, Color accent,
                      Color success, Color danger, Color warning) {
    private static String cachedFor;
    private static Palette cached;

    /** The palette of the theme in use (read once per theme change). */
    public static synchronized Palette current() {
        String theme = Application.getUserAgentStylesheet();
        if (!javafx.application.Platform.isFxApplicationThread()) return cached != null ? cached : read(); // never cache fallbacks
        if (cached == null || !java.util.Objects.equals(theme, cachedFor)) {
            cached = read();
            cachedFor = theme;
        }
        return cached;
    }

    private static Palette read() {
        return new Palette(lookup("-color-bg-default", Color.WHITE), lookup("-color-bg-subtle", Color.gray(0.97)),
                lookup("-color-border-default", Color.gray(0.83)), lookup("-color-fg-default", Color.gray(0.14)),
                lookup("-color-fg-muted", Color.gray(0.38)), lookup("-color-accent-fg", Color.ROYALBLUE),
                lookup("-color-success-fg", Color.SEAGREEN), lookup("-color-danger-fg", Color.FIREBRICK),
                lookup("-color-warning-fg", Color.DARKORANGE));
    }

    /** A looked-up colour, resolved by styling a throw-away region; the fallback where no theme is set. */
    private static Color lookup(String variable, Color fallback) {
        // styling needs the JavaFX thread; elsewhere (images built in the background) the plain colours serve
        if (Application.getUserAgentStylesheet() == null || !javafx.application.Platform.isFxApplicationThread()) return fallback;
        Region probe = new Region();
        probe.setStyle("-fx-background-color: " + variable + ";");
        new Scene(new Group(probe));
        probe.applyCss();
        var background = probe.getBackground();
        if (background == null || background.getFills().isEmpty()) return fallback;
        return background.getFills().get(0).getFill() instanceof Color c ? c : fallback;
    }

    /** Whether this is a dark theme (light text on a dark background). */
    public boolean dark() {
        return background.getBrightness() < 0.5;
    }

    /** Opaque ARGB of a colour, for pixel writers. */
    public static int argb(Color c) {
        return 0xFF000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }
}
