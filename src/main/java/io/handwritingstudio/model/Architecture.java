package io.handwritingstudio.model;

import io.handwritingstudio.model.design.Designs;
import io.handwritingstudio.model.design.NetworkDesign;

import java.util.Arrays;
import java.util.Locale;

/** The preset network designs, by name (see {@link Designs}); a learner's own design travels as a NetworkDesign. */
public enum Architecture {
    /** The seed project's network: conv32-pool-conv64-pool-conv64-dense64-dropout-softmax (93k parameters). */
    CLASSIC("classic", "3 conv layers, max pooling, dropout (the classic Keras MNIST network)"),
    /** Our best design for accuracy on 2 CPU cores: batch norm, twice the conv layers, dropout. Use with augmentation. */
    STRONG("strong", "4 conv layers with batch norm, 2 pooling stages, dense 128, dropout"),
    LENET5("lenet5", "LeNet-5 (LeCun 1998): 2 conv layers with average pooling, dense 120 and 84, tanh"),
    TINY("tiny", "a few thousand parameters: 4 and 8 filters, dense 16"),
    DENSE("dense", "no convolutions: dense 128 and 64 on the raw pixels");

    private final String id;
    private final String description;

    Architecture(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() { return id; }

    public String description() { return description; }

    /** The preset design this architecture names. */
    public NetworkDesign design() {
        return Designs.preset(id).orElseThrow();
    }

    public static Architecture parse(String text) {
        String key = text.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(a -> a.id.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown architecture '" + text + "' (use "
                        + String.join(", ", Arrays.stream(values()).map(Architecture::id).toList())
                        + ", or a design file with --arch-file)"));
    }
}
