package io.handwritingstudio.ui.kit;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.HBox;

/** Small horizontal groups for toolbars and forms. */
public final class Rows {
    private Rows() {
    }

    /**
     * A label with its controls (or controls that belong together) in one row, vertically centred: in a wrapping bar
     * they move to the next line as one, so a label is never left at the end of a line without its control.
     */
    public static HBox together(Node... nodes) {
        HBox row = new HBox(6, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
