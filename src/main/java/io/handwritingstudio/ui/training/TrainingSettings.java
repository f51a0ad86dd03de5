package io.handwritingstudio.ui.training;

import io.handwritingstudio.model.Hyperparameters;

/**
 * What the user asked for in the training form.
 *
 * @param trainLimit train on the first N images only (0 = all)
 * @param testLimit  measure test accuracy on the first N test images (0 = all)
 */
public record TrainingSettings(String dataset, Hyperparameters hyperparameters, int trainLimit, int testLimit) {
}
