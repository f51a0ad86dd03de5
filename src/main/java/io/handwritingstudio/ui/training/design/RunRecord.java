package io.handwritingstudio.ui.training.design;

import io.handwritingstudio.model.design.DesignAnalysis;
import io.handwritingstudio.model.design.NetworkDesign;

/**
 * One finished training run, as the designer compares runs: which network, how big, how accurate, how fast.
 *
 * @param imagesPerSecond training speed measured over the run (the trainer's own figure)
 */
public record RunRecord(String design, long parameters, long multiplyAdds, int epochs, double testAccuracy,
                        double imagesPerSecond) {

    public static RunRecord of(NetworkDesign design, int classes, int epochs, double testAccuracy, double imagesPerSecond) {
        DesignAnalysis a = DesignAnalysis.of(design, classes);
        return new RunRecord(design.name(), a.parameters(), a.multiplyAdds(), epochs, testAccuracy, imagesPerSecond);
    }

    /**
     * Multiply-adds per second this machine managed in this run, counting a training step as three passes (forward,
     * and backward for inputs and weights) as {@link DesignAnalysis#estimatedEpochSeconds} does; NaN if unknown.
     */
    public double trainingMacsPerSecond() {
        return imagesPerSecond > 0 && multiplyAdds > 0 ? imagesPerSecond * 3.0 * multiplyAdds : Double.NaN;
    }
}
