package io.handwritingstudio.training;

/**
 * The network at one moment of training, as a learner scrubs it: what its first layer's filters look like, what it
 * says about a fixed set of probe images, and where it goes wrong.
 *
 * @param label         "start", "iteration 50", "epoch 2"
 * @param iteration     iterations trained before this snapshot (0 = untrained)
 * @param filters       the first layer's weights, one row per filter ({@code filterSide}x{@code filterSide}
 *                      values: a conv kernel, or for a dense first layer a unit's 28x28 weights)
 * @param probePredicted the predicted class of each probe image
 * @param probeConfidence the probability given to that class
 * @param confusion     [true][predicted] counts over the confusion sample (the whole test set at epoch ends)
 * @param loss          mean training loss over the iterations just before (NaN at the start)
 * @param accuracy      accuracy over the confusion sample
 */
public record TimelineSnapshot(String label, long iteration, double epochPosition, float[][] filters, int filterSide,
                               int[] probePredicted, float[] probeConfidence, int[][] confusion, double loss,
                               double accuracy) {

    public double probeAccuracy(int[] probeLabels) {
        int right = 0;
        for (int i = 0; i < probeLabels.length; i++) if (probePredicted[i] == probeLabels[i]) right++;
        return probeLabels.length == 0 ? Double.NaN : right / (double) probeLabels.length;
    }
}
