package io.handwritingstudio.inference;

import io.handwritingstudio.model.ModelCard;

/**
 * How one glyph is placed in the 28x28 input. MNIST scaled its digits so the longer side is 20 px and centred them
 * by centre of mass; EMNIST (arXiv:1702.05373) fitted each character to the whole frame less a 2 px border and
 * centred it by its bounding box. A model's card says which one its custom images get ({@link #of}).
 */
public enum Framing {
    MNIST(20, false, "crop to ink, longer side 20 px, centred by centre of mass in 28x28"),
    EMNIST(24, true, "crop to ink, longer side 24 px (2 px border), centred by bounding box in 28x28 (" + Framing.TAG + ")");

    /** A model card whose preprocessing names this asks for EMNIST's framing. */
    public static final String TAG = "EMNIST framing";

    /** The longer side of the glyph in the frame, in pixels. */
    final int box;
    /** Centre the bounding box (EMNIST) rather than the centre of mass (MNIST). */
    final boolean boxCentred;
    private final String description;

    Framing(int box, boolean boxCentred, String description) {
        this.box = box;
        this.boxCentred = boxCentred;
        this.description = description;
    }

    /** For model cards and help: what this framing does to a custom image. */
    public String description() {
        return description;
    }

    /**
     * The framing a model's card asks for in its {@code preprocessing}: EMNIST's where it names {@link #TAG}, else
     * MNIST's. Measured with {@code evaluate --drawn --framing}, the bundled letters model reads drawn letters as well
     * either way and the bundled characters model trades digits for letters (docs/BENCHMARKS.md), so no bundled
     * card asks for EMNIST's yet.
     */
    public static Framing of(ModelCard card) {
        String p = card == null ? null : card.preprocessing();
        return p != null && p.contains(TAG) ? EMNIST : MNIST;
    }

    public static Framing parse(String name) {
        for (Framing f : values()) {
            if (f.name().equalsIgnoreCase(name)) return f;
        }
        throw new IllegalArgumentException("unknown framing '" + name + "' (known: mnist, emnist)");
    }
}
