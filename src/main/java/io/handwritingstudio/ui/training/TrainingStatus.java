package io.handwritingstudio.ui.training;

/** Where a training run is; buttons enable by it. */
public enum TrainingStatus {
    IDLE, RUNNING, PAUSED, FINISHED, FAILED, CANCELLED;

    public boolean isActive() {
        return this == RUNNING || this == PAUSED;
    }

    public String label() {
        return switch (this) {
            case IDLE -> "Ready";
            case RUNNING -> "Training";
            case PAUSED -> "Paused";
            case FINISHED -> "Finished";
            case FAILED -> "Failed";
            case CANCELLED -> "Stopped";
        };
    }
}
