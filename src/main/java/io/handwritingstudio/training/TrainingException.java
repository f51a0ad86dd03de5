package io.handwritingstudio.training;

/** Training stopped on its own because it could not go on (e.g. the loss became NaN). */
public class TrainingException extends Exception {
    public TrainingException(String message) {
        super(message);
    }

    public TrainingException(String message, Throwable cause) {
        super(message, cause);
    }
}
