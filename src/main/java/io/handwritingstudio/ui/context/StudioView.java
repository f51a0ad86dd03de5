package io.handwritingstudio.ui.context;

import javafx.scene.Node;

/** One area of the studio (Datasets, Training, ...): a title for the sidebar and the node it shows. */
public interface StudioView {
    /** Stable id used for navigation, e.g. "datasets". */
    String id();

    String title();

    /** A one-line description shown under the title. */
    String subtitle();

    Node root();

    /** Called each time the view is shown, on the JavaFX thread. */
    default void onShow() {
    }
}
