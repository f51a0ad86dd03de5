package io.handwritingstudio.ui.evaluation;

import io.handwritingstudio.ui.StudioContext;
import io.handwritingstudio.ui.StudioView;
import javafx.scene.Node;
import javafx.scene.control.Label;

/** PLACEHOLDER: replaced by the real view. */
public final class EvaluationView implements StudioView {
    private final Label root = new Label("Evaluation");

    public EvaluationView(StudioContext context) {
    }

    @Override public String id() { return "evaluation"; }
    @Override public String title() { return "Evaluation"; }
    @Override public String subtitle() { return "Accuracy, per-class metrics and the confusion matrix"; }
    @Override public Node root() { return root; }
}
