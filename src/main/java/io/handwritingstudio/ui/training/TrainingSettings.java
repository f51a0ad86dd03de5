package io.handwritingstudio.ui.training;

import io.handwritingstudio.model.Hyperparameters;
import io.handwritingstudio.model.design.NetworkDesign;

/**
 * What the user asked for in the training form.
 *
 * @param trainLimit train on the first N images only (0 = all)
 * @param testLimit  measure test accuracy on the first N test images (0 = all)
 * @param design     the network from the designer, or null for the preset the architecture names
 * @param uniformPrior once trained, treat every class as equally likely (see training.UniformPrior)
 */
public record TrainingSettings(String dataset, Hyperparameters hyperparameters, int trainLimit, int testLimit,
                               NetworkDesign design, boolean uniformPrior) {
    public TrainingSettings(String dataset, Hyperparameters hyperparameters, int trainLimit, int testLimit) {
        this(dataset, hyperparameters, trainLimit, testLimit, null, false);
    }

    public NetworkDesign effectiveDesign() {
        return design != null ? design : hyperparameters.architecture().design();
    }

    public TrainingSettings withDesign(NetworkDesign newDesign) {
        return new TrainingSettings(dataset, hyperparameters, trainLimit, testLimit, newDesign, uniformPrior);
    }
}
