package io.handwritingstudio.evaluation;

/** Precision, recall and F1 of one class; {@code support} is how many test images truly belong to it. */
public record ClassMetrics(int classIndex, String name, double precision, double recall, double f1, int support) {
}
