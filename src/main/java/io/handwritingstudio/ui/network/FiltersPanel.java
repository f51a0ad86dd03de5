package io.handwritingstudio.ui.network;

import atlantafx.base.controls.Spacer;

import atlantafx.base.theme.Tweaks;

import atlantafx.base.theme.Styles;

import io.handwritingstudio.ui.kit.ColorMaps;
import io.handwritingstudio.ui.kit.FeatureMapGrid;
import io.handwritingstudio.ui.kit.ExplainNote;
import io.handwritingstudio.ui.kit.NumberSpinners;

import io.handwritingstudio.visual.FilterBank;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.List;
import java.util.Locale;

/** The learned kernels of a chosen conv layer, enlarged, blue for negative and red for positive weights. */
final class FiltersPanel extends VBox {
    private final ComboBox<FilterBank> layer = new ComboBox<>();
    private final Spinner<Integer> inputChannel = NumberSpinners.integer(0, 0, 0);
    private final Label inputLabel = new Label("Input channel");
    private final FeatureMapGrid grid = new FeatureMapGrid();
    private final ColorBar colorBar = new ColorBar(t -> ColorMaps.diverging(2 * t - 1, 1));
    private final Label caption = new Label();

    FiltersPanel() {
        super(8);
        setPadding(new Insets(12, 0, 0, 0));
        layer.setId("filter-layer");
        layer.setConverter(new StringConverter<>() {
            @Override
            public String toString(FilterBank b) {
                return b == null ? "" : String.format(Locale.ROOT, "%s · %d filters %dx%d", b.layerName(), b.outChannels(),
                        b.height(), b.width());
            }

            @Override
            public FilterBank fromString(String s) {
                return null;
            }
        });
        layer.valueProperty().addListener((o, a, b) -> {
            int max = b == null ? 0 : b.inChannels() - 1;
            boolean channelStays = inputChannel.getValue() == 0; // otherwise the channel's listener draws
            NumberSpinners.setRange(inputChannel, 0, max, 0);
            if (channelStays) render();
        });
        inputChannel.setId("filter-input-channel");
        inputChannel.setPrefWidth(90);
        // one listener for the spinner's life: it was added again with every layer chosen, rendering n times
        inputChannel.valueProperty().addListener((ob, x, y) -> render());
        caption.getStyleClass().add(Styles.TEXT_MUTED);
        caption.setId("filter-caption");
        Spacer grow = new Spacer();
        HBox toolbar = new HBox(10, new Label("Layer"), layer, inputLabel, inputChannel, grow, colorBar);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        grid.setId("filter-grid");
        grid.setPadding(new Insets(4));
        Label hover = new Label();
        hover.getStyleClass().add(Styles.TEXT_MUTED);
        hover.textProperty().bind(grid.hoverTextProperty());
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(toolbar, caption, scroll, hover, new ExplainNote("filter-note", "Filters",
                "A filter (kernel) is a small grid of weights the network learned in training. It slides over its "
                        + "input and lights up wherever the input looks like it: red weights want ink, blue weights "
                        + "want no ink, white ones do not care. A red stripe next to a blue stripe detects an edge in "
                        + "that direction. First-layer filters look at the image itself; a deeper filter has one "
                        + "kernel per input channel (pick the channel above), looking at the previous layer's maps."));
    }

    FeatureMapGrid grid() {
        return grid;
    }

    void show(List<FilterBank> banks) {
        int previous = Math.max(0, layer.getSelectionModel().getSelectedIndex());
        layer.getItems().setAll(banks);
        if (!banks.isEmpty()) layer.getSelectionModel().select(Math.min(previous, banks.size() - 1));
        if (banks.isEmpty()) {
            grid.clear();
            caption.setText("This model has no convolution layers.");
        }
    }

    private void render() {
        FilterBank bank = layer.getValue();
        if (bank == null) return;
        boolean deep = bank.inChannels() > 1;
        inputLabel.setVisible(deep);
        inputChannel.setVisible(deep);
        int in = deep && inputChannel.getValue() != null ? inputChannel.getValue() : 0;
        int size = bank.height() * bank.width();
        float[] kernels = new float[bank.outChannels() * size];
        for (int o = 0; o < bank.outChannels(); o++) System.arraycopy(bank.kernel(o, in), 0, kernels, o * size, size);
        grid.setTileSize(bank.height() * 24);
        grid.showWeights(kernels, bank.outChannels(), bank.height(), bank.width(), bank.limit());
        colorBar.setRange(String.format(Locale.ROOT, "%.2f", -bank.limit()), String.format(Locale.ROOT, "+%.2f", bank.limit()));
        caption.setText(deep
                ? String.format(Locale.ROOT, "The %d kernels that read input channel %d (of %d) of the previous layer.",
                bank.outChannels(), in, bank.inChannels())
                : String.format(Locale.ROOT, "The %d kernels that read the image itself.", bank.outChannels()));
    }
}
