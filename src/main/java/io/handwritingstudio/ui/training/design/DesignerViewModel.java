package io.handwritingstudio.ui.training.design;

import io.handwritingstudio.model.design.DesignAnalysis;
import io.handwritingstudio.model.design.Designs;
import io.handwritingstudio.model.design.LayerSpec;
import io.handwritingstudio.model.design.NetworkDesign;
import io.handwritingstudio.ui.kit.Formats;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The network designer's state: the hidden layers being edited, the preset they started from, and the live
 * {@link DesignAnalysis} (shape, parameters and multiply-adds per layer, the first error at its layer). Every edit
 * goes through a command here, so a design is never built to find out it is wrong.
 */
public final class DesignerViewModel {
    /** The layer kinds a learner can add, with the layer each starts as. */
    public enum Kind {
        CONV("convolution", new LayerSpec.Convolution(16, 3, 1, LayerSpec.Padding.VALID, LayerSpec.Activation.RELU, true)),
        POOL("pooling", new LayerSpec.Pooling(LayerSpec.PoolKind.MAX, 2, 2)),
        BATCH_NORM("batch norm", new LayerSpec.BatchNorm()),
        ACTIVATION("activation", new LayerSpec.ActivationLayer(LayerSpec.Activation.RELU)),
        DROPOUT("dropout", new LayerSpec.Dropout(0.25)),
        DENSE("dense", new LayerSpec.Dense(64, LayerSpec.Activation.RELU, true));

        private final String label;
        private final LayerSpec initial;

        Kind(String label, LayerSpec initial) {
            this.label = label;
            this.initial = initial;
        }

        public String label() { return label; }

        public LayerSpec initial() { return initial; }
    }

    private final ObservableList<LayerSpec> layers = FXCollections.observableArrayList();
    private final StringProperty preset = new SimpleStringProperty();
    private final ReadOnlyBooleanWrapper edited = new ReadOnlyBooleanWrapper();
    private final IntegerProperty classes = new SimpleIntegerProperty(10);
    private final IntegerProperty selected = new SimpleIntegerProperty(-1);
    private final ReadOnlyObjectWrapper<DesignAnalysis> analysis = new ReadOnlyObjectWrapper<>();
    /** The last finished run, whose measured speed (multiply-adds per second) estimates an epoch; null before one. */
    private final ObjectProperty<RunRecord> measuredRun = new SimpleObjectProperty<>();
    private boolean loading;

    public DesignerViewModel() {
        layers.addListener((ListChangeListener<LayerSpec>) c -> {
            // back to the preset's layers (an edit undone) is the preset again
            if (!loading) edited.set(!Designs.preset(preset.get()).map(d -> d.layers().equals(layers)).orElse(false));
            analyse();
        });
        classes.addListener((o, was, is) -> analyse());
        preset.addListener((o, was, is) -> {
            if (is != null && !is.equals(was)) loadPreset(is);
        });
        preset.set(Designs.presets().get(0).name());
    }

    /** Replaces the layers with a preset's (all presets: {@link Designs#presets()}). */
    public void loadPreset(String name) {
        NetworkDesign design = Designs.preset(name).orElseThrow(() -> new IllegalArgumentException("no preset " + name));
        loading = true;
        try {
            layers.setAll(design.layers());
        } finally {
            loading = false;
        }
        preset.set(name);
        edited.set(false);
        selected.set(layers.isEmpty() ? -1 : 0);
        analyse();
    }

    /** Adds a layer of this kind after the selected one (or at the end) and selects it. */
    public void add(Kind kind) {
        int at = selected.get() < 0 ? layers.size() : selected.get() + 1;
        layers.add(at, kind.initial());
        selected.set(at);
    }

    public void remove(int index) {
        if (index < 0 || index >= layers.size()) return;
        layers.remove(index);
        selected.set(Math.min(index, layers.size() - 1));
    }

    /** Moves a layer one place up (delta -1) or down (+1); the selection follows it. */
    public void move(int index, int delta) {
        int to = index + delta;
        if (index < 0 || index >= layers.size() || to < 0 || to >= layers.size()) return;
        LayerSpec spec = layers.get(index);
        List<LayerSpec> copy = new ArrayList<>(layers);
        copy.remove(index);
        copy.add(to, spec);
        layers.setAll(copy);
        selected.set(to);
    }

    /** An edited layer (a field changed in the editor). */
    public void replace(int index, LayerSpec spec) {
        if (index < 0 || index >= layers.size() || layers.get(index).equals(spec)) return;
        layers.set(index, spec);
    }

    /** The design to train: the preset's name while unchanged, "custom" once edited (the card keeps the layers). */
    public NetworkDesign design() {
        return new NetworkDesign(edited.get() ? "custom" : preset.get(), layers);
    }

    private void analyse() {
        analysis.set(DesignAnalysis.of(new NetworkDesign("design", layers), classes.get()));
    }

    /** The error of a layer (0-based), or null: the designer shows it at that row. */
    public String errorAt(int index) {
        DesignAnalysis a = analysis.get();
        return index >= 0 && index < a.rows().size() ? a.rows().get(index).error() : null;
    }

    /** "93,322 parameters · 3.9 M multiply-adds per image". */
    public String totalsText() {
        DesignAnalysis a = analysis.get();
        if (!a.valid()) return "The network cannot be built: " + a.error();
        return Formats.count(a.parameters()) + " parameters · " + macs(a.multiplyAdds()) + " multiply-adds per image";
    }

    /** The epoch time this design would take on {@code images} training images at the last run's measured speed. */
    public String estimateText(int images) {
        DesignAnalysis a = analysis.get();
        RunRecord run = measuredRun.get();
        if (!a.valid()) return "";
        if (run == null || Double.isNaN(run.trainingMacsPerSecond())) {
            return "Epoch time: train once to measure this machine's speed.";
        }
        double seconds = a.estimatedEpochSeconds(images, run.trainingMacsPerSecond());
        return String.format(Locale.ROOT, "About %s per epoch of %s images (from the last run's %s img/s on %s)",
                duration(seconds), Formats.count(images), Formats.count(Math.round(run.imagesPerSecond())), run.design());
    }

    static String duration(double seconds) {
        if (seconds < 1) return "under a second";
        if (seconds < 90) return String.format(Locale.ROOT, "%.0f s", seconds);
        return String.format(Locale.ROOT, "%d min %02d s", (long) seconds / 60, (long) seconds % 60);
    }

    /** "3.9 M", "12.5 k", "840". */
    public static String macs(long n) {
        if (n >= 1_000_000) return String.format(Locale.ROOT, "%.1f M", n / 1e6);
        if (n >= 10_000) return String.format(Locale.ROOT, "%.1f k", n / 1e3);
        return Formats.count(n);
    }

    public ObservableList<LayerSpec> layers() { return layers; }
    /** The preset the design started from (also the architecture whose hyperparameter defaults the form uses). */
    public StringProperty presetProperty() { return preset; }
    public ReadOnlyBooleanProperty editedProperty() { return edited.getReadOnlyProperty(); }
    /** Output classes: the dataset's, set by the view. */
    public IntegerProperty classesProperty() { return classes; }
    /** The layer the editor shows (0-based), -1 for none. */
    public IntegerProperty selectedProperty() { return selected; }
    public ReadOnlyObjectProperty<DesignAnalysis> analysisProperty() { return analysis.getReadOnlyProperty(); }
    public DesignAnalysis analysis() { return analysis.get(); }
    /** The run whose speed the epoch estimate uses. */
    public ObjectProperty<RunRecord> measuredRunProperty() { return measuredRun; }
}
