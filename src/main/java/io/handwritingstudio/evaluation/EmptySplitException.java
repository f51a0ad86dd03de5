package io.handwritingstudio.evaluation;

import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.data.Split;

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

    /** How a caller reads a split of the dataset (the CLI and the studio load datasets their own ways). */
    public interface SplitLoader {
        LabeledImages load(Split split) throws java.io.IOException;
    }

    /**
     * Refuses an empty split; only then is the other split read, to say how many images it has (0 when it cannot be
     * read: the refusal then names no way out).
     */
    public static void require(LabeledImages images, String dataset, Split split, SplitLoader loader) {
        if (images.size() > 0) return;
        int otherImages;
        try {
            otherImages = loader.load(split.other()).size();
        } catch (java.io.IOException | RuntimeException unreadable) {
            otherImages = 0;
        }
        throw new EmptySplitException(dataset, split, split.other(), otherImages);
    }

    public Split other() { return other; }

    /** Images in {@link #other()}: more than 0 when evaluating that split is the way out. */
    public int otherImages() { return otherImages; }
}
