package io.handwritingstudio.ui.training.timeline;

import io.handwritingstudio.ui.kit.Texts;
import atlantafx.base.theme.Tweaks;

import atlantafx.base.theme.Styles;

import io.handwritingstudio.data.MnistFormat;

import io.handwritingstudio.training.TimelineSnapshot;
import io.handwritingstudio.training.TrainingTimeline;
import io.handwritingstudio.ui.kit.ExplainNote;
import io.handwritingstudio.ui.kit.Formats;
import io.handwritingstudio.ui.kit.PixelGrid;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.io.File;
import java.util.List;
import java.util.Locale;

/**
 * The training timeline: a slider (and Play) over the run's snapshots showing the first layer's filters, the 32
 * probe images with the network's verdict on each, the confusion matrix and loss/accuracy so far; a second
 * snapshot can be picked to compare filters side by side and list the probes that flipped.
 */
public final class TimelinePane extends VBox {
    /** Filters shown per snapshot: enough to see them change, few enough to stay small. */
    static final int SHOWN_FILTERS = 32;
    /** A dense first layer's units are 28x28 weight pictures: a dozen show what they learn. */
    static final int SHOWN_UNITS = 12;
    /** Width of one filter column when two snapshots (and their difference) stand side by side. */
    private static final double COLUMN = 150;

    private final TimelineViewModel model;
    private final Slider slider = new Slider(0, 1, 0);
    private final Label summary = new Label();
    private final Label probes = new Label();
    private final FlowPane filters = new FlowPane(3, 3);
    private final FlowPane compareFilters = new FlowPane(3, 3);
    private final FlowPane changeFilters = new FlowPane(3, 3);
    private final Label compareTitle = new Label();
    private final Label nowTitle = new Label();
    private final FlowPane probeGrid = new FlowPane(4, 4);
    private final ConfusionCanvas confusion = new ConfusionCanvas(170);
    private final VBox history = new VBox(1);
    private final ComboBox<String> compare = new ComboBox<>();
    private final Label flips = new Label();
    private boolean updatingChoices;

    public TimelinePane(TimelineViewModel model) {
        super(10);
        this.model = model;
        setId("timeline");
        getStyleClass().add("card-pane");

        Button play = new Button("Play");
        play.setId("timeline-play");
        play.textProperty().bind(javafx.beans.binding.Bindings.when(model.playingProperty()).then("Pause").otherwise("Play"));
        play.setOnAction(e -> {
            if (model.playingProperty().get()) model.pause();
            else model.play();
        });
        play.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        slider.setId("timeline-slider");
        slider.setBlockIncrement(1);
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(true);
        slider.setShowTickMarks(true);
        HBox.setHgrow(slider, Priority.ALWAYS);
        slider.valueProperty().addListener((o, was, is) -> model.indexProperty().set((int) Math.round(is.doubleValue())));
        Button open = new Button("Open model...");
        open.setId("timeline-open");
        open.setTooltip(new Tooltip("Reopen the timeline saved inside a model file"));
        open.setOnAction(e -> chooseModel());
        open.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ExplainNote help = new ExplainNote("timeline-explain", "The training timeline",
                "Each snapshot is the network at one moment of its training: before the first step, after 10, 50 and "
                + "200 batches, and at the end of every epoch. Move the slider or press Play to watch it learn.\n"
                + "First-layer filters are the first layer's weights drawn as pictures (bright = large). They start as "
                + "random noise; pick a snapshot to compare with, and 'change' shows what training added.\n"
                + "The 32 probe images are the same test images every time: red ones are read wrongly. The confusion "
                + "matrix counts true classes (rows) against answers (columns); training moves it onto the diagonal.");
        help.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox bar = new HBox(10, play, slider, open, help);
        bar.setAlignment(Pos.CENTER_LEFT);

        summary.setId("timeline-summary");
        summary.getStyleClass().add("section-title");
        Texts.wrapping(summary);
        Label source = new Label();
        source.setId("timeline-source");
        source.getStyleClass().add(Styles.TEXT_MUTED);
        Texts.wrapping(source);
        source.textProperty().bind(model.sourceProperty());

        filters.setId("timeline-filters");
        compareFilters.setId("timeline-compare-filters");
        changeFilters.setId("timeline-change-filters");
        compare.setId("timeline-compare");
        compare.setPromptText("Compare with...");
        compare.valueProperty().addListener((o, was, is) -> {
            if (!updatingChoices) model.compareIndexProperty().set(compare.getSelectionModel().getSelectedIndex() - 1);
        });
        flips.setId("timeline-flips");
        Texts.wrapping(flips);
        compareTitle.getStyleClass().add(Styles.TEXT_MUTED);
        compareTitle.setId("timeline-compare-title");
        nowTitle.getStyleClass().add(Styles.TEXT_MUTED);
        VBox now = new VBox(4, nowTitle, filters);
        VBox then = new VBox(4, compareTitle, compareFilters);
        then.visibleProperty().bind(model.compareIndexProperty().greaterThanOrEqualTo(0));
        then.managedProperty().bind(then.visibleProperty());
        nowTitle.visibleProperty().bind(then.visibleProperty());
        nowTitle.managedProperty().bind(then.visibleProperty());
        Label changeTitle = new Label("change");
        changeTitle.getStyleClass().add(Styles.TEXT_MUTED);
        changeTitle.setTooltip(new Tooltip("What training added between the two snapshots (the difference of the weights): "
                + "the random start hides it in the filters themselves"));
        VBox change = new VBox(4, changeTitle, changeFilters);
        change.visibleProperty().bind(then.visibleProperty());
        change.managedProperty().bind(then.visibleProperty());
        VBox filterCard = section("First-layer filters", new HBox(12, now, then, change));
        probes.setId("timeline-probe-accuracy");
        probeGrid.setId("timeline-probes");
        VBox probeCard = section("Probe images (red: wrong)", probes, probeGrid);
        history.setId("timeline-history");
        VBox matrixCard = section("Confusion matrix", confusion, label("rows: true class · columns: predicted"),
                label("Loss and accuracy so far"), history);
        HBox compareRow = new HBox(8, label("Compare with"), compare);
        compareRow.setAlignment(Pos.CENTER_LEFT);
        VBox compareCard = section("Compare two snapshots", compareRow, flips);

        FlowPane content = new FlowPane(14, 14, filterCard, probeCard, matrixCard, compareCard);
        filterCard.setPrefWidth(300);
        probeCard.setPrefWidth(330);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(bar, summary, source, scroll);

        model.timelineProperty().addListener((o, was, is) -> timelineChanged(is));
        model.indexProperty().addListener((o, was, is) -> {
            slider.setValue(is.intValue());
            refresh();
        });
        model.compareIndexProperty().addListener((o, was, is) -> refresh());
        timelineChanged(model.timeline());
    }

    private void timelineChanged(TrainingTimeline t) {
        int n = t == null ? 0 : t.snapshots().size();
        slider.setDisable(n < 2);
        slider.setMax(Math.max(1, n - 1));
        updatingChoices = true;
        try {
            int chosen = model.compareIndexProperty().get();
            compare.getItems().setAll("none");
            if (t != null) for (TimelineSnapshot s : t.snapshots()) compare.getItems().add(s.label());
            compare.getSelectionModel().select(chosen + 1);
        } finally {
            updatingChoices = false;
        }
        slider.setValue(Math.max(0, model.indexProperty().get()));
        refresh();
    }

    private void refresh() {
        TimelineSnapshot s = model.current();
        TrainingTimeline t = model.timeline();
        summary.setText(model.summaryText());
        probes.setText(model.probeText());
        showFilters(filters, s == null ? null : s.filters(), s == null ? 0 : s.filterSide());
        TimelineSnapshot other = model.compared();
        compareTitle.setText(other == null ? "" : other.label());
        nowTitle.setText(s == null ? "" : s.label());
        // side by side when comparing: two narrow columns instead of one wide one
        double width = other == null ? 290 : COLUMN;
        for (FlowPane p : List.of(filters, compareFilters, changeFilters)) {
            p.setPrefWrapLength(p == filters ? width : COLUMN);
            p.setPrefWidth(p == filters ? width : COLUMN); // the wrap length alone let a column settle one tile short
        }
        showFilters(compareFilters, other == null ? null : other.filters(), other == null ? 0 : other.filterSide());
        showFilters(changeFilters, difference(s, other), s == null ? 0 : s.filterSide());
        showProbes(t, s, other);
        confusion.show(s == null ? null : s.confusion());
        showHistory(t);
        List<String> flipped = model.flips();
        flips.setText(other == null ? "Pick a snapshot to see which probes flipped between it and this one."
                : flipped.isEmpty() ? "No probe changed its verdict between " + other.label() + " and " + s.label() + "."
                : Formats.count(flipped.size(), "probe flipped", "probes flipped") + ":\n" + String.join("\n", flipped));
    }

    /** Each filter scaled to its own range (weights have no fixed scale), bright = large. */
    private static void showFilters(FlowPane pane, float[][] weights, int side) {
        pane.getChildren().clear();
        if (weights == null) return;
        double size = side >= 28 ? 44 : 30;
        int shown = side >= 28 ? SHOWN_UNITS : SHOWN_FILTERS;
        for (int f = 0; f < Math.min(shown, weights.length); f++) {
            float[] w = weights[f];
            float min = Float.MAX_VALUE, max = -Float.MAX_VALUE;
            for (float v : w) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            float[] pixels = new float[w.length];
            for (int i = 0; i < w.length; i++) pixels[i] = max > min ? 255 * (w[i] - min) / (max - min) : 0;
            PixelGrid grid = new PixelGrid(size);
            grid.setImage(pixels, side, side);
            pane.getChildren().add(grid);
        }
    }

    /** Each filter's weights minus the compared snapshot's; null when there is nothing comparable. */
    private static float[][] difference(TimelineSnapshot now, TimelineSnapshot then) {
        if (now == null || then == null || now.filterSide() != then.filterSide()
                || now.filters().length != then.filters().length) return null;
        float[][] out = new float[now.filters().length][];
        for (int f = 0; f < out.length; f++) {
            float[] a = now.filters()[f], b = then.filters()[f];
            out[f] = new float[a.length];
            for (int i = 0; i < a.length; i++) out[f][i] = a[i] - b[i];
        }
        return out;
    }

    private void showProbes(TrainingTimeline t, TimelineSnapshot s, TimelineSnapshot other) {
        probeGrid.getChildren().clear();
        if (t == null || s == null) return;
        for (int i = 0; i < t.probeCount(); i++) {
            PixelGrid image = new PixelGrid(30);
            image.setImage(java.util.Arrays.copyOfRange(t.probePixels(), i * MnistFormat.PIXELS, (i + 1) * MnistFormat.PIXELS), 28, 28);
            int predicted = s.probePredicted()[i];
            boolean right = predicted == t.probeLabels()[i];
            Label verdict = new Label(model.name(predicted));
            verdict.getStyleClass().add(right ? Styles.TEXT_MUTED : "error-text");
            VBox tile = new VBox(1, image, verdict);
            tile.setAlignment(Pos.CENTER);
            tile.getStyleClass().add(right ? "timeline-probe-right" : "timeline-probe-wrong");
            boolean flipped = other != null && (other.probePredicted()[i] == t.probeLabels()[i]) != right;
            Tooltip.install(tile, new Tooltip(String.format(Locale.ROOT, "a %s, read as %s (%s)%s", model.name(t.probeLabels()[i]),
                    model.name(predicted), Formats.percent(s.probeConfidence()[i]), flipped ? "; flipped since " + other.label() : "")));
            probeGrid.getChildren().add(tile);
        }
    }

    private void showHistory(TrainingTimeline t) {
        history.getChildren().clear();
        if (t == null) return;
        for (int i = 0; i <= model.indexProperty().get() && i < t.snapshots().size(); i++) {
            TimelineSnapshot s = t.snapshots().get(i);
            Label l = new Label(String.format(Locale.ROOT, "%-12s loss %-6s acc %s", s.label(),
                    Double.isNaN(s.loss()) ? "–" : String.format(Locale.ROOT, "%.3f", s.loss()), Formats.percent(s.accuracy())));
            l.getStyleClass().add("mono");
            history.getChildren().add(l);
        }
    }

    private void chooseModel() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a model's training timeline");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Handwriting Studio model (*.zip)", "*.zip"));
        File file = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) model.open(file.toPath());
    }

    private static VBox section(String title, Node... content) {
        Label t = Texts.title(title);
        VBox box = new VBox(6, t);
        box.getChildren().addAll(content);
        return box;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        Texts.wrapping(l);
        return l;
    }
}
