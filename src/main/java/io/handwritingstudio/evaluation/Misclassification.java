package io.handwritingstudio.evaluation;

/** One sample the model got wrong: its index in the evaluated set, true and predicted class, and the confidence. */
public record Misclassification(int index, int trueClass, int predictedClass, float confidence) {
}
