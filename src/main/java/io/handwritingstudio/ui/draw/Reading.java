package io.handwritingstudio.ui.draw;

import io.handwritingstudio.inference.MnistPreprocessor;
import io.handwritingstudio.inference.Recognition;

/**
 * One answer from the recognizer for what is on the pad.
 *
 * @param recognition every class's probability and the 28x28 input; null when no model is loaded
 * @param stages      the preprocessing steps, for "what the network sees"
 * @param pictures    the stages as small pictures, made off the JavaFX thread
 * @param timing      when it was asked for and computed, for latency measurements
 */
public record Reading(long sequence, Recognition recognition, MnistPreprocessor.Stages stages,
                      StagePictures pictures, Timing timing) {

    /** {@link System#nanoTime()} stamps: asked for, taken up by the recognizer's thread, computed. */
    public record Timing(long requested, long started, long computed) {
    }

    /** Nothing drawn (or no ink found): no prediction to show. */
    public boolean isBlank() {
        return stages.result().empty();
    }

    /**
     * How much of the picture's longer side the ink spans, 0 to 1 (a dot on the pad: about 0.07). Exact for pictures
     * up to 1,000 px a side, which the preprocessor reads at full size, the pad's among them.
     */
    public double inkSpan() {
        var box = stages.result();
        int side = Math.max(stages.luminance().width(), stages.luminance().height());
        return box.empty() || side == 0 ? 0 : Math.min(1, Math.max(box.inkWidth(), box.inkHeight()) / (double) side);
    }

    public boolean hasPrediction() {
        return recognition != null && !recognition.isEmpty();
    }
}
