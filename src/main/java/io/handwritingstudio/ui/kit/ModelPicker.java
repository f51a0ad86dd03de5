package io.handwritingstudio.ui.kit;

import io.handwritingstudio.files.Failures;
import io.handwritingstudio.model.ModelLocator;
import io.handwritingstudio.ui.context.LatestRequest;
import io.handwritingstudio.ui.context.ModelHandle;
import io.handwritingstudio.ui.context.StudioContext;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one way to choose the studio's model (the pad and the evaluation both show it): the studio's current model or one of the bundled ones
 * (Digits, Letters, Characters) found in the models folder. Folder scans and loading run off the JavaFX thread;
 * a loaded model becomes the studio's current model, so the network view inspects with the same one.
 * {@link #secondary} makes a picker for a second model (the evaluation's "Compare with"): it offers the bundled
 * models and every model the studio has held this session (a fine-tuned one next to its parent), and choosing one
 * leaves the studio's current model alone.
 */
public final class ModelPicker extends ComboBox<ModelPicker.Choice> {
    /** Bundled model files and the names users see. */
    static final Map<String, String> BUNDLED = new LinkedHashMap<>();

    static {
        BUNDLED.put("mnist.zip", "Digits");
        BUNDLED.put("letters.zip", "Letters");
        BUNDLED.put("characters.zip", "Characters");
    }

    /** An entry: a bundled file (maybe not loaded yet), or a model the studio already holds. */
    public record Choice(String label, Path file, ModelHandle handle) {
        @Override
        public String toString() {
            return label;
        }
    }

    private final StudioContext context;
    private final Map<Path, ModelHandle> loaded = new HashMap<>();
    private final boolean secondary;
    /** Secondary pickers: models the studio held this session, newest last (not bundled files). */
    private final List<ModelHandle> held = new ArrayList<>();
    private final ReadOnlyObjectWrapper<ModelHandle> chosen = new ReadOnlyObjectWrapper<>();
    private List<Choice> bundled = List.of();
    private boolean updating;

    public ModelPicker(StudioContext context, String id) {
        this(context, id, false);
    }

    /** A picker for a second model: its choice is {@link #chosenProperty()}, the studio's model stays as it is. */
    public static ModelPicker secondary(StudioContext context, String id) {
        return new ModelPicker(context, id, true);
    }

    private ModelPicker(StudioContext context, String id, boolean secondary) {
        this.context = context;
        this.secondary = secondary;
        setId(id);
        setPromptText("No model");
        setPrefWidth(250);
        setMinWidth(USE_PREF_SIZE); // "Characters (characters.zip)" whole
        setTooltip(new Tooltip("The model the studio reads with; bundled models come from the models folder"));
        setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(Choice item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? (ModelPicker.this.secondary ? "Choose a model" : "No model") : item.label());
            }
        });
        if (secondary) {
            setPromptText("Choose a model");
            setTooltip(new Tooltip("A second model to read the same images; the studio's model stays as it is"));
            remember(context.currentModel());
        }
        context.currentModelProperty().addListener((o, a, b) -> {
            if (secondary) remember(b);
            rebuild();
        });
        valueProperty().addListener((o, a, choice) -> {
            if (!updating && choice != null) pick(choice);
        });
        rescan();
    }

    /** The secondary picker's model (null until one is chosen and loaded); the primary picker's is the studio's. */
    public ReadOnlyObjectProperty<ModelHandle> chosenProperty() {
        return chosen.getReadOnlyProperty();
    }

    private void remember(ModelHandle model) {
        if (model != null && !held.contains(model) && !loaded.containsValue(model)
                && bundled.stream().noneMatch(b -> model.isFrom(b.file()))) held.add(model);
    }

    /** Looks for bundled models again (cheap, but disk access: done in the background). */
    public void rescan() {
        context.tasks().run("Looking for bundled models", () -> {
            List<Choice> found = new ArrayList<>();
            ModelLocator.bundledDir().ifPresent(dir -> BUNDLED.forEach((file, label) -> {
                Path p = dir.resolve(file).toAbsolutePath().normalize();
                if (Files.isRegularFile(p)) found.add(new Choice(label, p, null));
            }));
            return found;
        }).onSuccess(found -> {
            bundled = found;
            rebuild();
        }); // a failure reaches the log and the status bar
    }

    private void rebuild() {
        if (secondary) {
            rebuildSecondary();
            return;
        }
        ModelHandle current = context.currentModel();
        List<Choice> items = bundledChoices();
        Choice selected = items.stream().filter(c -> current != null && c.handle() == current).findFirst().orElse(null);
        if (current != null && selected == null) {
            selected = new Choice("Studio model: " + current.name(), null, current);
            items.add(0, selected);
        }
        show(items, selected);
    }

    /** The bundled models, each with its loaded handle once loaded (the studio's own startup copy included). */
    private List<Choice> bundledChoices() {
        ModelHandle current = context.currentModel();
        List<Choice> items = new ArrayList<>();
        for (Choice b : bundled) {
            if (isStudioCopyOf(current, b.file())) loaded.putIfAbsent(b.file(), current);
            items.add(new Choice(b.label() + " (" + b.file().getFileName() + ")", b.file(), loaded.get(b.file())));
        }
        return items;
    }

    private void show(List<Choice> items, Choice selected) {
        updating = true;
        try {
            getItems().setAll(items);
            setValue(selected);
        } finally {
            updating = false;
        }
    }

    private void rebuildSecondary() {
        List<Choice> items = bundledChoices();
        for (ModelHandle h : held) items.add(new Choice("Studio model: " + h.name(), null, h));
        ModelHandle picked = chosen.get();
        show(items, items.stream().filter(c -> picked != null && c.handle() == picked).findFirst().orElse(null));
    }

    /** Disabled while loading, unless a view binds the picker's disabled state itself. */
    private void setBusy(boolean busy) {
        loading.set(busy);
        if (!disableProperty().isBound()) setDisable(busy);
    }

    /** The studio loads mnist.zip itself at startup: show that one as "Digits", not as a separate entry. */
    private static boolean isStudioCopyOf(ModelHandle current, Path file) {
        return current != null && current.isFrom(file);
    }

    private final javafx.beans.property.ReadOnlyBooleanWrapper loading = new javafx.beans.property.ReadOnlyBooleanWrapper();

    /** True while a chosen model loads: what the picker shows is not yet the model in effect. */
    public javafx.beans.property.ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** This picker's choices: only the latest one's load may take effect (and end the busy state). */
    private final LatestRequest picks = new LatestRequest();

    private void pick(Choice choice) {
        LatestRequest.Ticket pick = picks.next();
        if (choice.handle() != null) {
            setBusy(false); // an earlier choice may still be loading: this one, already loaded, wins
            if (secondary) chosen.set(choice.handle());
            else context.setCurrentModel(choice.handle()); // also when current: a load chosen elsewhere stays away
            return;
        }
        // the studio's model may be chosen in another view meanwhile; a comparison model only here
        LatestRequest.Ticket studioChoice = secondary ? pick : context.chooseModel();
        setBusy(true);
        context.models().load(choice.file()).onSuccess(handle -> {
            if (pick.isLatest()) setBusy(false);
            loaded.put(choice.file(), handle);
            if (!pick.isLatest() || !studioChoice.isLatest()) { // a later choice wins over a slower load
                rebuild();
                return;
            }
            if (secondary) {
                chosen.set(handle);
                rebuild(); // the entry now holds the loaded model
                return;
            }
            context.setCurrentModel(handle);
            context.status().news("Reading with " + choice.label());
        }).onFailure(ex -> {
            if (pick.isLatest()) setBusy(false);
            context.status().problem("Could not load " + choice.file().getFileName() + ": " + Failures.sentence(ex));
            rebuild();
        });
    }
}
