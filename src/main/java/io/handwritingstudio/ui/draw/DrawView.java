package io.handwritingstudio.ui.draw;

import io.handwritingstudio.ui.StudioContext;
import io.handwritingstudio.ui.StudioView;
import javafx.scene.Node;
import javafx.scene.control.Label;

/** PLACEHOLDER: replaced by the real view. */
public final class DrawView implements StudioView {
    private final Label root = new Label("Draw");

    public DrawView(StudioContext context) {
    }

    @Override public String id() { return "draw"; }
    @Override public String title() { return "Draw"; }
    @Override public String subtitle() { return "Draw a character and watch the probabilities"; }
    @Override public Node root() { return root; }
}
