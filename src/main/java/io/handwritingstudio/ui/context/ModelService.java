package io.handwritingstudio.ui.context;

import io.handwritingstudio.model.ModelLocator;
import io.handwritingstudio.model.ModelStore;

import java.nio.file.Path;

/**
 * Every way the studio gets a model goes through here (startup, "Open model...", the model pickers): loading off
 * the JavaFX thread, the handle that remembers its file, and the status line.
 */
public final class ModelService {
    private final StudioContext context;

    ModelService(StudioContext context) {
        this.context = context;
    }

    /** Reads a model file in the background; the studio's model stays as it is. */
    public Job<ModelHandle> load(Path file) {
        context.status().working("Loading " + file.getFileName() + "...");
        return context.tasks().run("Loading " + file.getFileName(), () -> ModelHandle.fromFile(ModelStore.load(file), file))
                .onSuccess(handle -> context.status().news("Loaded " + handle.name() + " (" + file.getFileName() + ")"));
    }

    /** Reads a model file and makes it the studio's model, unless another was chosen meanwhile. */
    public Job<ModelHandle> open(Path file) {
        LatestRequest.Ticket choice = context.chooseModel();
        return load(file).onSuccess(handle -> use(handle, choice));
    }

    /** A bundled model by name ("mnist") or a path, as {@code --model} takes it, made the studio's model. */
    public Job<ModelHandle> openByName(String nameOrPath) {
        LatestRequest.Ticket choice = context.chooseModel();
        context.status().working("Loading model " + nameOrPath + "...");
        return context.tasks().run("Loading model " + nameOrPath, () -> {
            Path file = ModelLocator.resolve(nameOrPath);
            return ModelHandle.fromFile(ModelStore.load(file), file);
        }).onSuccess(handle -> use(handle, choice));
    }

    private void use(ModelHandle handle, LatestRequest.Ticket choice) {
        if (!choice.isLatest()) return;
        context.setCurrentModel(handle);
        context.status().news("Reading with " + handle.name() + " (" + handle.description() + ")");
    }
}
