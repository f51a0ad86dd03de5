package io.handwritingstudio.ui.datasets;

import io.handwritingstudio.ui.StudioContext;
import io.handwritingstudio.ui.StudioView;
import javafx.scene.Node;
import javafx.scene.control.Label;

/** PLACEHOLDER: replaced by the real view. */
public final class DatasetsView implements StudioView {
    private final Label root = new Label("Datasets");

    public DatasetsView(StudioContext context) {
    }

    @Override public String id() { return "datasets"; }
    @Override public String title() { return "Datasets"; }
    @Override public String subtitle() { return "Browse every sample, filter by class, see statistics"; }
    @Override public Node root() { return root; }
}
