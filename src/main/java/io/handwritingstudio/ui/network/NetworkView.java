package io.handwritingstudio.ui.network;

import io.handwritingstudio.ui.StudioContext;
import io.handwritingstudio.ui.StudioView;
import javafx.scene.Node;
import javafx.scene.control.Label;

/** PLACEHOLDER: replaced by the real view. */
public final class NetworkView implements StudioView {
    private final Label root = new Label("Inside the network");

    public NetworkView(StudioContext context) {
    }

    @Override public String id() { return "network"; }
    @Override public String title() { return "Inside the network"; }
    @Override public String subtitle() { return "Feature maps, filters and saliency for one sample"; }
    @Override public Node root() { return root; }
}
