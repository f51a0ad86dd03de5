package io.handwritingstudio.inference;

import io.handwritingstudio.data.ClassNames;


/**
 * What the model read in one image: every class's probability and the 28x28 input it saw.
 * {@code probabilities} is empty (length 0) when the image had no ink: there is nothing to recognise.
 *
 * @param networkInput the pixels the network was given: {@code input}'s, after the model's own input step where its
 *                     card asks for one (flattened ink); for display only, the model applies the step by itself
 */
public record Recognition(ClassNames classes, float[] probabilities, Preprocessed input, float[] networkInput) {

    public boolean isEmpty() {
        return probabilities.length == 0;
    }

    public int predictedClass() {
        if (isEmpty()) return -1;
        return Ranking.argmax(probabilities);
    }

    public String prediction() {
        return isEmpty() ? null : classes.name(predictedClass());
    }

    public float confidence() {
        return isEmpty() ? 0f : probabilities[predictedClass()];
    }

}
