package io.handwritingstudio.ui.context;

import io.handwritingstudio.model.TrainedModel;

import java.nio.file.Path;
import java.util.List;

/**
 * The model the studio works with, as views see it: a name, its class names and where it came from.
 * Services use {@link #model()}; views only read the descriptive fields.
 *
 * @param source the file it was loaded from, or null for a model made in the studio (trained, fine-tuned)
 */
public record ModelHandle(String name, String description, List<String> classNames, TrainedModel model, Path source) {

    /** A model made in the studio (or a test's), not read from a file. */
    public static ModelHandle of(TrainedModel model, String description) {
        return new ModelHandle(model.displayName(), description, model.classes().names(), model, null);
    }

    public static ModelHandle fromFile(TrainedModel model, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return new ModelHandle(model.displayName(), absolute.getFileName().toString(), model.classes().names(), model, absolute);
    }

    /** Whether this model was read from {@code file}. */
    public boolean isFrom(Path file) {
        return source != null && source.equals(file.toAbsolutePath().normalize());
    }

    public int classCount() {
        return classNames.size();
    }
}
