package io.handwritingstudio.ui.training;

/** One finished epoch, as the accuracy chart shows it. Accuracies in [0,1]; testAccuracy is NaN without a test set. */
public record EpochPoint(int epoch, double meanLoss, double trainAccuracy, double testAccuracy, double seconds) {
}
