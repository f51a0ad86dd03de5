package io.handwritingstudio.ui.context;

import io.handwritingstudio.model.TrainedModel;

import java.util.List;

/**
 * The model the studio works with, as views see it: a name, its class names and where it came from.
 * Services use {@link #model()}; views only read the descriptive fields.
 */
public record ModelHandle(String name, String description, List<String> classNames, TrainedModel model) {

    public static ModelHandle of(TrainedModel model, String description) {
        return new ModelHandle(model.displayName(), description, model.classes().names(), model);
    }

    public int classCount() {
        return classNames.size();
    }
}
