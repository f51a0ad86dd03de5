package io.handwritingstudio.ui.shell;

import io.handwritingstudio.files.Failures;
import io.handwritingstudio.ui.context.Job;
import io.handwritingstudio.ui.context.ModelHandle;
import io.handwritingstudio.ui.context.StudioContext;
import javafx.scene.control.Alert;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;

/** "Open model...": pick a model file, load it off the JavaFX thread, make it current or explain why not. */
public final class ModelOpener {
    private final StudioContext context;
    private final Consumer<String> onError;

    /** {@code onError} shows a failure (an alert in the studio; tests capture it). */
    public ModelOpener(StudioContext context, Consumer<String> onError) {
        this.context = context;
        this.onError = onError;
    }

    public static ModelOpener withAlerts(StudioContext context) {
        return new ModelOpener(context, message -> {
            Alert alert = new Alert(Alert.AlertType.ERROR, message);
            alert.setHeaderText("The model could not be opened");
            alert.setTitle("Open model");
            alert.show();
        });
    }

    public void choose(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a model");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Models (*.zip, *.h5)", "*.zip", "*.h5", "*.hdf5", "*.keras"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File file = chooser.showOpenDialog(owner);
        if (file != null) open(file.toPath());
    }

    public Job<ModelHandle> open(Path file) {
        return context.models().open(file).onFailure(ex -> {
            String message = Failures.sentence(ex);
            context.status().problem("Could not open " + file.getFileName() + ": " + message);
            onError.accept(message + "\n\nThe studio keeps using the current model.");
        });
    }
}
