package io.handwritingstudio.ui.kit;

import io.handwritingstudio.model.ModelLocator;
import io.handwritingstudio.model.ModelStore;
import io.handwritingstudio.ui.context.ModelHandle;
import io.handwritingstudio.ui.context.StudioContext;
import javafx.concurrent.WorkerStateEvent;
import javafx.concurrent.Task;
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
    private List<Choice> bundled = List.of();
    private boolean updating;

    public ModelPicker(StudioContext context, String id) {
        this.context = context;
        setId(id);
        setPromptText("No model");
        setPrefWidth(250);
        setMinWidth(USE_PREF_SIZE); // "Characters (characters.zip)" whole
        setTooltip(new Tooltip("The model the studio reads with; bundled models come from the models folder"));
        setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(Choice item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "No model" : item.label());
            }
        });
        context.currentModelProperty().addListener((o, a, b) -> rebuild());
        valueProperty().addListener((o, a, choice) -> {
            if (!updating && choice != null) pick(choice);
        });
        rescan();
    }

    /** Looks for bundled models again (cheap, but disk access: done in the background). */
    public void rescan() {
        Task<List<Choice>> scan = new Task<>() {
            @Override
            protected List<Choice> call() {
                List<Choice> found = new ArrayList<>();
                ModelLocator.bundledDir().ifPresent(dir -> BUNDLED.forEach((file, label) -> {
                    Path p = dir.resolve(file).toAbsolutePath().normalize();
                    if (Files.isRegularFile(p)) found.add(new Choice(label, p, null));
                }));
                return found;
            }
        };
        scan.setOnSucceeded(e -> {
            bundled = scan.getValue();
            rebuild();
        });
        context.tasks().run(scan);
    }

    private void rebuild() {
        ModelHandle current = context.currentModel();
        List<Choice> items = new ArrayList<>();
        Choice selected = null;
        boolean currentIsBundled = false;
        for (Choice b : bundled) {
            if (isStudioCopyOf(current, b.file())) loaded.putIfAbsent(b.file(), current);
            Choice c = new Choice(b.label() + " (" + b.file().getFileName() + ")", b.file(), loaded.get(b.file()));
            items.add(c);
            if (current != null && c.handle() == current) {
                selected = c;
                currentIsBundled = true;
            }
        }
        if (current != null && !currentIsBundled) {
            Choice studio = new Choice("Studio model: " + current.name(), null, current);
            items.add(0, studio);
            selected = studio;
        }
        updating = true;
        try {
            getItems().setAll(items);
            setValue(selected);
        } finally {
            updating = false;
        }
    }

    /** The studio loads mnist.zip itself at startup: show that one as "Digits", not as a separate entry. */
    private static boolean isStudioCopyOf(ModelHandle current, Path file) {
        return current != null && "bundled".equals(current.description())
                && (current.name() + ".zip").equals(file.getFileName().toString());
    }

    private void pick(Choice choice) {
        if (choice.handle() != null) {
            if (choice.handle() != context.currentModel()) context.setCurrentModel(choice.handle());
            return;
        }
        Task<ModelHandle> load = new Task<>() {
            @Override
            protected ModelHandle call() throws Exception {
                return ModelHandle.of(ModelStore.load(choice.file()), "bundled " + choice.file().getFileName());
            }
        };
        setDisable(true);
        context.statusMessageProperty().set("Loading " + choice.label() + "...");
        load.setOnSucceeded(e -> {
            setDisable(false);
            loaded.put(choice.file(), load.getValue());
            context.setCurrentModel(load.getValue());
            context.statusMessageProperty().set("Reading with " + choice.label());
        });
        load.addEventHandler(WorkerStateEvent.WORKER_STATE_FAILED, e -> {
            setDisable(false);
            context.statusMessageProperty().set("Could not load " + choice.file().getFileName() + ": "
                    + load.getException().getMessage());
            rebuild();
        });
        context.tasks().run(load);
    }
}
