package io.handwritingstudio.ui.network;

import io.handwritingstudio.ui.kit.Texts;
import atlantafx.base.controls.Spacer;

import atlantafx.base.theme.Tweaks;

import atlantafx.base.theme.Styles;

import java.util.List;

import io.handwritingstudio.ui.context.SampleRef;
import io.handwritingstudio.ui.context.StudioContext;
import io.handwritingstudio.ui.context.StudioView;
import io.handwritingstudio.visual.SampleInsight;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Objects;

/**
 * "Inside the network": for the selected sample, the prediction with a saliency overlay, every layer's feature
 * maps, the learned filters, and a 2-D projection of a hidden layer over 2,000 test images.
 */
public final class NetworkView implements StudioView {
    static final String STYLESHEET = "/ui/network/network.css";
    private final StudioContext context;
    private final NetworkViewModel vm;
    private final BorderPane root = new BorderPane();
    private final SaliencyPanel prediction = new SaliencyPanel();
    private final FeatureMapsPanel featureMaps = new FeatureMapsPanel();
    private final FiltersPanel filters = new FiltersPanel();
    private final ProjectionPanel projection;
    private final TabPane tabs = new TabPane();
    private final Label source = new Label("Loading a sample...");
    private final Label hint = new Label();
    private final Label error = new Label();

    public NetworkView(StudioContext context) {
        this.context = context;
        this.vm = new NetworkViewModel(context);
        this.projection = new ProjectionPanel(vm);
        root.setId("network-view");
        root.getStylesheets().add(Objects.requireNonNull(getClass().getResource(STYLESHEET)).toExternalForm());
        root.setTop(sampleBar());
        root.setLeft(leftColumn());
        root.setCenter(tabs());
        vm.insightProperty().addListener((o, a, insight) -> showInsight(insight));
        vm.shownSampleProperty().addListener((o, a, s) -> showSample(s));
        vm.filtersProperty().addListener((o, a, banks) -> filters.show(banks));
        vm.projectionProperty().addListener((o, a, p) -> highlightInProjection());
        context.currentModelProperty().addListener((o, a, m) -> {
            if (m != null && tabs.getSelectionModel().getSelectedIndex() == 2) vm.computeProjection();
        });
    }

    /** The prediction card scrolls rather than squeezing its note when the window is short. */
    private Node leftColumn() {
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(prediction);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        scroll.setMinWidth(prediction.getMinWidth() + 2);
        BorderPane.setMargin(scroll, new Insets(0, 14, 0, 0));
        return scroll;
    }

    @Override public String id() { return "network"; }
    @Override public String title() { return "Inside the network"; }
    @Override public String subtitle() { return "Feature maps, filters and saliency for one sample"; }
    @Override public Node root() { return root; }

    @Override
    public void onShow() {
        vm.start();
    }

    public NetworkViewModel viewModel() { return vm; }

    /** Opens layer {@code layer}'s feature maps once the network is there. */
    public void preselectLayer(int layer) { featureMaps.preselect(layer); }
    TabPane tabPane() { return tabs; }

    private Node sampleBar() {
        source.setId("sample-source");
        source.getStyleClass().add("sample-source");
        hint.setId("network-hint");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.textProperty().bind(vm.hintProperty());
        Texts.wrapping(hint);
        error.setId("network-error");
        error.getStyleClass().add("network-error");
        error.textProperty().bind(vm.errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        Button prev = new Button("‹ Previous");
        prev.setId("sample-prev");
        prev.setOnAction(e -> vm.step(-1));
        Button next = new Button("Next ›");
        next.setId("sample-next");
        next.setOnAction(e -> vm.step(1));
        Spacer grow = new Spacer();
        // the sample and the buttons keep their size; the hint wraps into the room that is left
        for (javafx.scene.control.Control c : List.of(source, prev, next)) c.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(hint, Priority.SOMETIMES);
        HBox bar = new HBox(12, source, hint, grow, prev, next);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(4, bar, error);
        top.setPadding(new Insets(0, 0, 12, 0));
        return top;
    }

    private Node tabs() {
        tabs.setId("network-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Tab maps = new Tab("Feature maps", featureMaps);
        maps.setId("tab-feature-maps");
        Tab kernels = new Tab("Filters", filters);
        kernels.setId("tab-filters");
        Tab scatter = new Tab("Projection", projection);
        scatter.setId("tab-projection");
        scatter.setOnSelectionChanged(e -> {
            if (scatter.isSelected()) projection.onFirstShow(vm);
        });
        tabs.getTabs().addAll(maps, kernels, scatter);
        return tabs;
    }

    private void showSample(SampleRef sample) {
        if (sample == null) return;
        source.setText(sample.source() + (sample.trueClass() == null ? "" : "  ·  true label " + sample.trueClass()));
        if (context.currentModel() == null) prediction.showInputOnly(sample.pixels());
        highlightInProjection();
    }

    private void showInsight(SampleInsight insight) {
        if (insight == null) return;
        float[] saliency = insight.saliency() == null ? null : insight.saliency().values();
        prediction.show(insight.pixels(), saliency, insight.model().classes().names(),
                insight.probabilities());
        if (insight.saliency() == null) featureMaps.show(insight.activations(), insight.model().classes().names());
    }

    private void highlightInProjection() {
        ProjectionData data = vm.projectionProperty().get();
        SampleRef s = vm.shownSampleProperty().get();
        boolean inSet = data != null && s != null && s.source().startsWith(data.dataset() + " test #")
                && s.index() < data.indices().length;
        projection.scatter().setHighlighted(inSet ? s.index() : -1);
    }

    // for tests and the demo
    SaliencyPanel predictionPanel() { return prediction; }
    FeatureMapsPanel featureMapsPanel() { return featureMaps; }
    FiltersPanel filtersPanel() { return filters; }
    ProjectionPanel projectionPanel() { return projection; }
}
