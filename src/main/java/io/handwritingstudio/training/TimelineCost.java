package io.handwritingstudio.training;

/**
 * What a run's timeline snapshots cost, by kind (for the {@code bench --timeline} overhead estimate).
 *
 * @param iterationSnapshots snapshots at fixed early iterations (start, 10, 50, 200): a 200-image confusion sample each (the probes among them)
 * @param iterationSeconds   time spent on them
 * @param epochSnapshots     snapshots at epoch ends (reuse the test evaluation the trainer makes anyway)
 * @param epochSeconds       time spent on them
 */
public record TimelineCost(int iterationSnapshots, double iterationSeconds, int epochSnapshots, double epochSeconds) {
    public double secondsPerIterationSnapshot() {
        return iterationSnapshots == 0 ? Double.NaN : iterationSeconds / iterationSnapshots;
    }

    public double secondsPerEpochSnapshot() {
        return epochSnapshots == 0 ? Double.NaN : epochSeconds / epochSnapshots;
    }
}
