package io.handwritingstudio.ui.kit;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** Light and dark AtlantaFX themes, switched for the whole application. */
public final class Theme {
    private static final BooleanProperty DARK = new SimpleBooleanProperty(false);

    private Theme() {
    }

    public static BooleanProperty darkProperty() {
        return DARK;
    }

    public static boolean isDark() {
        return DARK.get();
    }

    /** Applies the light theme unless a theme is already set: without one, every -color-* lookup fails. */
    public static void ensureApplied() {
        if (Application.getUserAgentStylesheet() == null) apply(false);
    }

    public static void apply(boolean dark) {
        // the stylesheet first: listeners of the dark flag read the new theme's colours (ui.kit.Palette)
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        DARK.set(dark);
    }
}
