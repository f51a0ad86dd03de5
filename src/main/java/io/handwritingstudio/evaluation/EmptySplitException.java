package io.handwritingstudio.evaluation;

import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.data.Split;

import java.util.function.IntSupplier;

/**
 * A split with no images to evaluate, and how many the other split has: a folder of the pad's samples keeps every
 * drawing for training, so its test split is empty (evaluated anyway, it gave "NaN% accuracy").
 */
public final class EmptySplitException extends IllegalArgumentException {
    private final Split other;
    private final int otherImages;

    private EmptySplitException(String dataset, Split split, Split other, int otherImages) {
        super("the " + split.label() + " split of " + dataset + " has no images"
                + (otherImages > 0 ? " (its " + other.label() + " split has " + otherImages + ")" : ""));
        this.other = other;
        this.otherImages = otherImages;
    }

    /** Refuses an empty split; {@code otherSplitImages} is asked only then (it may read the other split's file). */
    public static void require(LabeledImages images, String dataset, Split split, IntSupplier otherSplitImages) {
        if (images.size() > 0) return;
        Split other = split == Split.TEST ? Split.TRAIN : Split.TEST;
        throw new EmptySplitException(dataset, split, other, otherSplitImages.getAsInt());
    }

    public Split other() { return other; }

    /** Images in {@link #other()}: more than 0 when evaluating that split is the way out. */
    public int otherImages() { return otherImages; }
}
