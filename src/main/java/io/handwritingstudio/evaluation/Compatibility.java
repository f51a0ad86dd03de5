package io.handwritingstudio.evaluation;

import io.handwritingstudio.data.ClassNames;
import io.handwritingstudio.model.TrainedModel;

/** Refuses to pair a model with a dataset whose classes mean something else (a letters model on digits). */
public final class Compatibility {
    private Compatibility() {
    }

    public static void check(TrainedModel model, ClassNames datasetClasses) {
        ClassNames modelClasses = model.classes();
        if (modelClasses.size() != datasetClasses.size()) {
            throw new IllegalArgumentException("model '" + model.displayName() + "' has " + modelClasses.size()
                    + " classes (" + summary(modelClasses) + ") but the dataset has " + datasetClasses.size()
                    + " (" + summary(datasetClasses) + "): it was trained for another dataset");
        }
        if (!modelClasses.equals(datasetClasses)) {
            throw new IllegalArgumentException("model '" + model.displayName() + "' classes (" + summary(modelClasses)
                    + ") are not the dataset's (" + summary(datasetClasses) + "): it was trained for another dataset");
        }
    }

    private static String summary(ClassNames names) {
        return names.size() <= 4 ? String.join(", ", names.names())
                : names.name(0) + ", " + names.name(1) + " ... " + names.name(names.size() - 1);
    }
}
