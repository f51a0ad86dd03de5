package io.handwritingstudio.ui.network;

import atlantafx.base.controls.Spacer;

import atlantafx.base.theme.Tweaks;

import atlantafx.base.theme.Styles;

import io.handwritingstudio.ui.kit.ColorMaps;
import io.handwritingstudio.ui.kit.FeatureMapGrid;
import io.handwritingstudio.ui.kit.ExplainNote;

import io.handwritingstudio.visual.LayerActivations;
import io.handwritingstudio.visual.LayerMap;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Locale;

/** A layer list (name and shape) beside the chosen layer's feature maps, tiled. */
final class FeatureMapsPanel extends BorderPane {
    private final ListView<LayerMap> layers = new ListView<>();
    private final FeatureMapGrid grid = new FeatureMapGrid();
    private java.util.List<String> classNames = java.util.List.of();
    private final Label layerTitle = new Label();
    private final Label hover = new Label();
    private final ToggleButton shared = new ToggleButton("Shared");
    private final ToggleButton perMap = new ToggleButton("Per map");
    private final ColorBar colorBar = new ColorBar(ColorMaps::viridis);
    private int selected = 1;

    FeatureMapsPanel() {
        layers.setId("layer-list");
        layers.setPrefWidth(210);
        layers.setCellFactory(v -> new LayerCell());
        layers.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (b.intValue() >= 0) {
                selected = b.intValue();
                render();
            }
        });
        ToggleGroup scale = new ToggleGroup();
        shared.setToggleGroup(scale);
        perMap.setToggleGroup(scale);
        shared.setId("scale-shared");
        perMap.setId("scale-per-map");
        shared.getStyleClass().add("left-pill");
        perMap.getStyleClass().add("right-pill");
        shared.setSelected(true);
        scale.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) a.setSelected(true);
            else render();
        });
        layerTitle.getStyleClass().add("section-title");
        layerTitle.setMinWidth(Region.USE_PREF_SIZE);
        shared.setTooltip(new javafx.scene.control.Tooltip("One colour scale for all maps: compare channels"));
        perMap.setTooltip(new javafx.scene.control.Tooltip("Each map on its own scale: see faint patterns"));
        shared.setMinWidth(Region.USE_PREF_SIZE);
        perMap.setMinWidth(Region.USE_PREF_SIZE);
        layerTitle.setId("layer-title");
        hover.setId("hover-info");
        hover.getStyleClass().add(Styles.TEXT_MUTED);
        hover.textProperty().bind(grid.hoverTextProperty());
        Label scaleLabel = new Label("Colour scale");
        scaleLabel.getStyleClass().add(Styles.TEXT_MUTED);
        scaleLabel.setMinWidth(Region.USE_PREF_SIZE);
        // wraps the scale switch under the layer title on a narrow window instead of pushing it out of view
        javafx.scene.layout.FlowPane toolbar = new javafx.scene.layout.FlowPane(10, 6, layerTitle, scaleLabel,
                new HBox(shared, perMap));
        toolbar.setAlignment(Pos.CENTER_LEFT);
        Spacer grow2 = new Spacer();
        hover.setMinWidth(0);
        HBox legendRow = new HBox(10, colorBar, grow2, hover);
        legendRow.setAlignment(Pos.CENTER_LEFT);
        grid.setId("feature-grid");
        grid.setPadding(new Insets(4));
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setId("feature-scroll");
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox main = new VBox(8, toolbar, legendRow, scroll, new ExplainNote("feature-note", "Feature maps",
                "Each square is one feature map: what one filter of the chosen layer found in this image. Bright "
                        + "(yellow) cells mean the filter's pattern is strongly present there, dark purple means absent. "
                        + "Early layers respond to edges and stroke directions; after pooling the maps get smaller and "
                        + "deeper layers combine them into parts of digits. Dense layers are shown as one square per "
                        + "unit; the output layer's units are the class probabilities. \"Shared scale\" compares maps "
                        + "with each other, \"Per-map scale\" shows each map's own pattern. Hover for exact values."));
        main.setPadding(new Insets(0, 0, 0, 12));
        setLeft(layers);
        setCenter(main);
        setPadding(new Insets(12, 0, 0, 0));
    }

    /** Layer to show once activations arrive (index in the list, input = 0). */
    void preselect(int layer) {
        selected = Math.max(0, layer);
    }

    FeatureMapGrid grid() {
        return grid;
    }

    ListView<LayerMap> layerList() {
        return layers;
    }

    void show(LayerActivations activations, java.util.List<String> classNames) {
        this.classNames = classNames;
        layers.getItems().setAll(activations.layers());
        int index = Math.min(selected, activations.layers().size() - 1);
        layers.getSelectionModel().select(index);
        selected = index;
        render();
    }

    private void render() {
        if (layers.getItems().isEmpty()) return;
        LayerMap map = layers.getItems().get(selected);
        FeatureMapGrid.Scale scale = perMap.isSelected() ? FeatureMapGrid.Scale.PER_MAP : FeatureMapGrid.Scale.SHARED;
        grid.setTileSize(map.height() >= 20 ? 84 : 96);
        // the output layer's units are the classes: name them ("class 7 · 0.981") rather than "unit 7"
        grid.setUnitNames(map.kind() == io.handwritingstudio.visual.LayerKind.OUTPUT
                && map.channels() == classNames.size() ? classNames : null);
        grid.showActivations(map.values(), map.channels(), map.height(), map.width(), scale);
        layerTitle.setText(map.name() + "  ·  " + map.shapeText());
        if (scale == FeatureMapGrid.Scale.SHARED || map.height() == 1) {
            colorBar.setRange(String.format(Locale.ROOT, "%.2f", map.min()), String.format(Locale.ROOT, "%.2f", map.max()));
        } else {
            colorBar.setRange("map min", "map max");
        }
    }

    /** "conv 1" with its shape underneath, muted. */
    private static final class LayerCell extends ListCell<LayerMap> {
        @Override
        protected void updateItem(LayerMap item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label name = new Label(item.name());
            name.getStyleClass().add("layer-name");
            Label shape = new Label(item.kind().label() + " · " + item.shapeText());
            shape.getStyleClass().add(Styles.TEXT_MUTED);
            setText(null);
            setGraphic(new VBox(1, name, shape));
        }
    }
}
