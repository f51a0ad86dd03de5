package io.handwritingstudio.ui.training.design;

import io.handwritingstudio.ui.kit.Texts;
import io.handwritingstudio.data.MnistFormat;

import atlantafx.base.theme.Tweaks;

import atlantafx.base.theme.Styles;

import io.handwritingstudio.model.design.DesignAnalysis;
import io.handwritingstudio.model.design.Designs;
import io.handwritingstudio.model.design.LayerSpec;
import io.handwritingstudio.model.design.NetworkDesign;
import io.handwritingstudio.ui.kit.ExplainNote;
import io.handwritingstudio.ui.kit.Formats;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The network designer: presets, the layer table (what each layer outputs, its parameters and multiply-adds, its
 * error in words), an editor for the selected layer, the network's totals and estimated epoch time, and the runs
 * so far for comparing designs. All state is in {@link DesignerViewModel}.
 */
public final class DesignerPane extends VBox {
    private final DesignerViewModel model;
    private final IntegerProperty epochImages;
    private final GridPane table = new GridPane();
    private final VBox editorBox = new VBox(6);
    private final Label totals = new Label();
    private final Label estimate = new Label();
    private final VBox runList = new VBox(2);
    /** Shown, not editable (a fine-tune keeps its parent's network); the table still scrolls and rows still show. */
    private final BooleanProperty readOnly = new SimpleBooleanProperty(this, "readOnly");
    private int editorIndex = -1;
    private LayerSpec editorSpec;

    /**
     * @param epochImages training images per epoch, for the time estimate
     * @param runs        finished runs (oldest first)
     */
    public DesignerPane(DesignerViewModel model, IntegerProperty epochImages, ObservableList<RunRecord> runs) {
        super(10);
        this.model = model;
        this.epochImages = epochImages;
        setId("designer");

        ComboBox<String> presets = new ComboBox<>();
        presets.setId("design-preset");
        for (NetworkDesign d : Designs.presets()) presets.getItems().add(d.name());
        presets.valueProperty().bindBidirectional(model.presetProperty());
        MenuButton add = new MenuButton("Add layer");
        add.setId("design-add");
        for (DesignerViewModel.Kind kind : DesignerViewModel.Kind.values()) {
            MenuItem item = new MenuItem(kind.label());
            item.setId("design-add-" + kind.name().toLowerCase(Locale.ROOT));
            item.setOnAction(e -> model.add(kind));
            add.getItems().add(item);
        }
        Button up = new Button("Up");
        up.setId("design-up");
        up.setOnAction(e -> model.move(model.selectedProperty().get(), -1));
        Button down = new Button("Down");
        down.setId("design-down");
        down.setOnAction(e -> model.move(model.selectedProperty().get(), +1));
        Button remove = new Button("Remove");
        remove.setId("design-remove");
        remove.getStyleClass().add("danger");
        remove.setOnAction(e -> model.remove(model.selectedProperty().get()));
        up.disableProperty().bind(model.selectedProperty().lessThan(1));
        down.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> model.selectedProperty().get() < 0
                || model.selectedProperty().get() >= model.layers().size() - 1, model.selectedProperty(), model.layers()));
        remove.disableProperty().bind(model.selectedProperty().lessThan(0));
        Button reset = new Button("Reset");
        reset.setId("design-reset");
        reset.disableProperty().bind(model.editedProperty().not());
        reset.setOnAction(e -> model.loadPreset(model.presetProperty().get()));
        Label presetLabel = new Label("Start from");
        ExplainNote help = new ExplainNote("design-explain", "Designing a network",
                "A network is a list of layers; each turns the 28x28 image into something smaller and more abstract. "
                + "Convolutions slide small filters over the image, pooling halves its size, dense layers connect every "
                + "number to every unit, and the output layer has one unit per class of the dataset.\n"
                + "Each row shows what comes out of that layer (height x width x channels), how many weights it learns "
                + "(parameters) and how much arithmetic one image costs there (multiply-adds).\n"
                + "Try dense against tiny: a hundred thousand weights without convolutions, against under four thousand with them.");
        FlowPane toolbar = new FlowPane(8, 6, presetLabel, presets, reset, add, up, down, remove, help);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setId("design-toolbar");
        toolbar.disableProperty().bind(readOnly);
        editorBox.setId("design-editor");
        editorBox.disableProperty().bind(readOnly);
        // greyed like a disabled control, but a disabled ScrollPane would not scroll (at 1024x700 the table needs to)
        table.opacityProperty().bind(javafx.beans.binding.Bindings.when(readOnly).then(0.6).otherwise(1.0));

        table.setId("design-table");
        table.setHgap(12);
        table.setVgap(2);
        ColumnConstraints grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        ColumnConstraints right = new ColumnConstraints();
        right.setHalignment(HPos.RIGHT);
        table.getColumnConstraints().addAll(new ColumnConstraints(), grow, right, right, right);
        ScrollPane tableScroll = new ScrollPane(table);
        tableScroll.setId("design-table-scroll");
        tableScroll.setFitToWidth(true);
        tableScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        tableScroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        tableScroll.setMinHeight(120);
        VBox.setVgrow(tableScroll, Priority.ALWAYS);

        totals.setId("design-totals");
        Texts.wrapping(totals);
        totals.getStyleClass().add("section-title");
        estimate.setId("design-estimate");
        Texts.wrapping(estimate);
        estimate.getStyleClass().add(Styles.TEXT_MUTED);
        estimate.managedProperty().bind(estimate.textProperty().isNotEmpty());
        Label runsTitle = Texts.title("Runs so far (test accuracy)");
        runList.setId("design-runs");

        getChildren().addAll(toolbar, tableScroll, editorBox, totals, estimate, runsTitle, runList);
        getStyleClass().add("card-pane");

        model.analysisProperty().addListener((o, was, is) -> refresh());
        model.selectedProperty().addListener((o, was, is) -> refresh());
        epochImages.addListener((o, was, is) -> refreshEstimate());
        model.measuredRunProperty().addListener((o, was, is) -> refreshEstimate());
        runs.addListener((ListChangeListener<RunRecord>) c -> showRuns(runs));
        showRuns(runs);
        refresh();
    }

    public BooleanProperty readOnlyProperty() {
        return readOnly;
    }

    private void refresh() {
        DesignAnalysis a = model.analysis();
        table.getChildren().clear();
        int row = 0;
        table.addRow(row++, head("#"), head("Layer"), head("Output"), head("Parameters"), head("Multiply-adds"));
        table.addRow(row++, cell("", null), cell("input image", null), cell(MnistFormat.SIDE + "x" + MnistFormat.SIDE + "x1", null), cell("", null), cell("", null));
        int selected = model.selectedProperty().get();
        for (int i = 0; i < a.rows().size(); i++) {
            DesignAnalysis.Row r = a.rows().get(i);
            int index = i;
            List<Label> cells = List.of(cell(String.valueOf(r.index()), null), cell(r.description(), "design-layer-" + i),
                    cell(r.shape() == null ? "–" : r.shape().toString(), "design-shape-" + i),
                    cell(r.shape() == null ? "" : Formats.count(r.parameters()), "design-params-" + i),
                    cell(r.shape() == null ? "" : DesignerViewModel.macs(r.multiplyAdds()), "design-macs-" + i));
            for (Label l : cells) {
                if (i == selected) l.getStyleClass().add("design-row-selected");
                l.setOnMouseClicked(e -> model.selectedProperty().set(index));
            }
            table.addRow(row++, cells.toArray(Node[]::new));
            if (r.error() != null) {
                Label error = new Label("⚠ " + r.error());
                error.setId("design-error-" + i);
                error.getStyleClass().add("error-text");
                Texts.wrapping(error).setMaxWidth(Double.MAX_VALUE);
                table.add(error, 1, row++, 4, 1);
            }
        }
        if (a.output() != null) {
            DesignAnalysis.Row o = a.output();
            table.addRow(row, cell(String.valueOf(o.index()), null), cell(o.description(), "design-output"),
                    cell(o.shape().toString(), null), cell(Formats.count(o.parameters()), null),
                    cell(DesignerViewModel.macs(o.multiplyAdds()), null));
        } else if (a.errorLayer() == model.layers().size() + 1 || (a.errorLayer() < 0 && !a.valid())) {
            Label error = new Label("⚠ " + a.error());
            error.setId("design-error-output");
            error.getStyleClass().add("error-text");
            Texts.wrapping(error);
            table.add(error, 1, row, 4, 1);
        }
        totals.setText(model.totalsText());
        totals.getStyleClass().remove("error-text");
        if (!a.valid()) totals.getStyleClass().add("error-text");
        refreshEditor();
        refreshEstimate();
    }

    /** Rebuilds the editor only for another layer: not while its own spinner is being clicked. */
    private void refreshEditor() {
        int selected = model.selectedProperty().get();
        LayerSpec spec = selected >= 0 && selected < model.layers().size() ? model.layers().get(selected) : null;
        if (selected == editorIndex && spec != null && spec.equals(editorSpec)) return;
        editorIndex = selected;
        editorSpec = spec;
        editorBox.getChildren().clear();
        if (spec == null) return;
        Label title = new Label("Layer " + (selected + 1) + ": " + spec.type());
        title.getStyleClass().add("form-label");
        editorBox.getChildren().addAll(title, new LayerEditor(spec, changed -> {
            editorSpec = changed;
            model.replace(editorIndex, changed);
        }));
    }

    private void refreshEstimate() {
        estimate.setText(model.estimateText(epochImages.get()));
    }

    private void showRuns(List<RunRecord> runs) {
        List<Node> rows = new ArrayList<>();
        if (runs.isEmpty()) {
            Label none = new Label("None yet: train a preset, then another (say dense, then tiny) and compare.");
            none.getStyleClass().add(Styles.TEXT_MUTED);
            Texts.wrapping(none);
            rows.add(none);
        }
        int first = Math.max(0, runs.size() - 5);
        for (int i = runs.size() - 1; i >= first; i--) {
            RunRecord r = runs.get(i);
            Label l = new Label(String.format(Locale.ROOT, "%s%s: %s · %s parameters · %d epoch%s · %s img/s",
                    i == runs.size() - 1 ? "last, " : i == runs.size() - 2 ? "previous, " : "", r.design(),
                    Formats.precisePercent(r.testAccuracy()), Formats.count(r.parameters()), r.epochs(),
                    r.epochs() == 1 ? "" : "s", Formats.count(Math.round(r.imagesPerSecond()))));
            l.setId("design-run-" + (runs.size() - 1 - i));
            Texts.wrapping(l);
            rows.add(l);
        }
        runList.getChildren().setAll(rows);
    }

    private static Label head(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll(Styles.TEXT_MUTED, "design-row");
        l.setMaxWidth(Double.MAX_VALUE);
        if (!text.equals("#") && !text.equals("Layer")) l.setAlignment(Pos.CENTER_RIGHT);
        return l;
    }

    private static Label cell(String text, String id) {
        Label l = new Label(text);
        l.getStyleClass().add("design-row");
        // numbers and shapes line up on the right, like a table
        if (!text.isEmpty() && (Character.isDigit(text.charAt(0)) || text.equals("–")) && (id == null || !id.startsWith("design-layer"))) {
            l.setAlignment(Pos.CENTER_RIGHT);
        }
        if (id != null) l.setId(id);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }
}
