package io.handwritingstudio.ui.draw;

import io.handwritingstudio.ui.kit.Texts;
import atlantafx.base.theme.Styles;

import io.handwritingstudio.ui.kit.FeatureMapGrid;
import io.handwritingstudio.ui.kit.SaliencyOverlay;
import io.handwritingstudio.visual.SampleInsight;
import io.handwritingstudio.visual.LayerKind;
import io.handwritingstudio.visual.LayerMap;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * "Inside the network" for the drawing, refreshed each time the pen lifts: where the network looked (occlusion
 * saliency over the 28x28 input) and what one layer's filters found (its feature maps). It reuses the network
 * view's saliency overlay and feature-map grid; "Inspect in network" opens every layer.
 */
final class InsidePanel extends VBox {
    private static final int SALIENCY_CELL = 3;
    private static final double TILE = 30;

    private final DrawViewModel vm;
    private final SaliencyOverlay saliency = new SaliencyOverlay(SALIENCY_CELL);
    private final FeatureMapGrid maps = new FeatureMapGrid();
    private final ComboBox<LayerMap> layer = new ComboBox<>();
    private final Label saliencyCaption = new Label();
    private final Label hover = new Label();
    private final Label empty = new Label("Lift the pen to see where the network looked and what its filters found.");
    private final HBox content;
    private int chosenLayer = -1; // network layer index the user picked; -1 until they pick one
    private boolean updating;

    InsidePanel(DrawViewModel vm) {
        super(8);
        this.vm = vm;
        setId("draw-inside");
        Label title = new Label("Inside the network");
        title.getStyleClass().add("draw-subtitle");
        title.setMinWidth(Label.USE_PREF_SIZE);

        saliency.setId("draw-saliency");
        saliencyCaption.setId("draw-evidence");
        saliencyCaption.getStyleClass().add(Styles.TEXT_MUTED);
        Texts.wrapping(saliencyCaption).setPrefWidth(SaliencyOverlay.SIDE * SALIENCY_CELL);
        Tooltip.install(saliency, new Tooltip("Occlusion saliency: a small blank patch slides over the input; where "
                + "hiding the pixels lowers the top class's probability, they glow. Warm pixels are the evidence."));
        VBox saliencyBox = new VBox(4, saliency, saliencyCaption);
        saliencyBox.setMinWidth(VBox.USE_PREF_SIZE);

        layer.setId("draw-layer");
        layer.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(layer, Priority.ALWAYS);
        layer.setCellFactory(v -> new LayerCell());
        layer.setButtonCell(new LayerCell());
        layer.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (updating || b == null) return;
            chosenLayer = b.index();
            render(b);
        });
        maps.setId("draw-feature-maps");
        maps.setCaptions(false);
        maps.setHgap(3);
        maps.setVgap(3);
        maps.setTileSize(TILE);
        ScrollPane mapScroll = new ScrollPane(maps);
        mapScroll.setFitToWidth(true);
        mapScroll.setPrefViewportHeight(3 * (TILE + 3));
        mapScroll.getStyleClass().add("draw-bars-scroll");
        hover.getStyleClass().add(Styles.TEXT_MUTED);
        hover.textProperty().bind(Bindings.when(maps.hoverTextProperty().isEmpty())
                .then("Each square: where one filter fired").otherwise(maps.hoverTextProperty()));
        hover.setMinHeight(Label.USE_PREF_SIZE);
        VBox mapBox = new VBox(4, mapScroll, hover);
        HBox.setHgrow(mapBox, Priority.ALWAYS);

        HBox header = new HBox(12, title, layer);
        header.setAlignment(Pos.CENTER_LEFT);
        layer.visibleProperty().bind(Bindings.isNotEmpty(layer.getItems()));
        content = new HBox(12, saliencyBox, mapBox);
        content.setAlignment(Pos.TOP_LEFT);
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        Texts.wrapping(empty);
        // the hint sits where the maps will be: the panel keeps its height, so nothing below it jumps
        javafx.scene.layout.StackPane area = new javafx.scene.layout.StackPane(content, empty);
        javafx.scene.layout.StackPane.setAlignment(empty, Pos.TOP_LEFT);
        getChildren().addAll(header, area);
        vm.insightProperty().addListener((o, a, insight) -> show(insight));
        show(null);
    }

    void show(SampleInsight insight) {
        content.setVisible(insight != null);
        empty.setVisible(insight == null);
        if (insight == null) {
            saliency.show(null, null);
            maps.clear();
            layer.getItems().clear();
            return;
        }
        saliency.show(insight.pixels(), insight.saliency() == null ? null : insight.saliency().values());
        saliencyCaption.setText("Evidence for “" + className(insight.predicted()) + "”");
        List<LayerMap> spatial = insight.activations().layers().stream()
                .filter(m -> m.kind() != LayerKind.INPUT && m.kind().spatial() && m.height() > 1).toList();
        LayerMap shown = spatial.stream().filter(m -> m.index() == chosenLayer).findFirst().orElse(firstLook(spatial));
        updating = true;
        try {
            layer.getItems().setAll(spatial);
            layer.getSelectionModel().select(shown);
        } finally {
            updating = false;
        }
        if (shown == null) maps.clear();
        else render(shown);
    }

    /**
     * The first layer worth showing: the first convolution after its activation (a separate layer after batch
     * norm; built into the convolution otherwise), whose maps read as "strokes this filter found".
     */
    private static LayerMap firstLook(List<LayerMap> spatial) {
        for (LayerKind kind : new LayerKind[] {LayerKind.ACTIVATION, LayerKind.CONVOLUTION}) {
            for (LayerMap m : spatial) if (m.kind() == kind) return m;
        }
        return spatial.isEmpty() ? null : spatial.get(0);
    }

    private void render(LayerMap map) {
        maps.showActivations(map.values(), map.channels(), map.height(), map.width(), FeatureMapGrid.Scale.SHARED);
    }

    private String className(int index) {
        var model = vm.model();
        return model != null && index >= 0 && index < model.classNames().size() ? model.classNames().get(index) : "?";
    }

    /** "conv 1 · 32 × 28 × 28". */
    private static final class LayerCell extends ListCell<LayerMap> {
        @Override
        protected void updateItem(LayerMap item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.name() + "  ·  " + item.shapeText().replace(" x ", "×"));
        }
    }
}
