package io.handwritingstudio.ui.training;

import io.handwritingstudio.ui.StudioContext;
import io.handwritingstudio.ui.StudioView;
import javafx.scene.Node;
import javafx.scene.control.Label;

/** PLACEHOLDER: replaced by the real view. */
public final class TrainingView implements StudioView {
    private final Label root = new Label("Training");

    public TrainingView(StudioContext context) {
    }

    @Override public String id() { return "training"; }
    @Override public String title() { return "Training"; }
    @Override public String subtitle() { return "Train a network and watch it learn"; }
    @Override public Node root() { return root; }
}
