package io.handwritingstudio.inference.reading;

import io.handwritingstudio.data.ClassNames;

import java.util.List;

/**
 * What was read in a line: the text (characters in reading order, a space where the gap is clearly wider than the
 * line's usual gap) and each character's box and probabilities. Empty text when the image has no ink.
 */
public record LineReading(String text, List<Character> characters, boolean inverted) {

    /**
     * One character: its ink box in source pixels, every class's probability, its 28x28 input as framed (what is
     * saved or inspected), the same after the model's own input step (what the network read: the characters model
     * flattens ink), and whether a space precedes it.
     */
    public record Character(int x, int y, int width, int height, ClassNames classes, float[] probabilities,
                            float[] input, float[] networkInput, boolean spaceBefore) {
        public int predictedClass() {
            int best = 0;
            for (int i = 1; i < probabilities.length; i++) if (probabilities[i] > probabilities[best]) best = i;
            return best;
        }

        public String prediction() {
            return classes.name(predictedClass());
        }

        public float confidence() {
            return probabilities[predictedClass()];
        }
    }

    public boolean isEmpty() {
        return characters.isEmpty();
    }
}
