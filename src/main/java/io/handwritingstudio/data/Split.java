package io.handwritingstudio.data;

import java.util.Locale;

/** Which part of a dataset: the training or the test images. */
public enum Split {
    TRAIN, TEST;

    public static Split parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "train", "training" -> TRAIN;
            case "test", "t10k" -> TEST;
            default -> throw new IllegalArgumentException("unknown split '" + text + "' (use train or test)");
        };
    }

    /** The other part: test for train, train for test. */
    public Split other() {
        return this == TEST ? TRAIN : TEST;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
