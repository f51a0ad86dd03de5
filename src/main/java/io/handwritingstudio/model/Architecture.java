package io.handwritingstudio.model;

import java.util.Arrays;
import java.util.Locale;

/** The network designs the studio can train, by name. */
public enum Architecture {
    /** The seed project's network: conv32-pool-conv64-pool-conv64-dense64-dropout-softmax (93k parameters). */
    CLASSIC("classic", "3 conv layers, max pooling, dropout (the classic Keras MNIST network)"),
    /** Our best design for accuracy on 2 CPU cores: batch norm, twice the conv layers, dropout. Use with augmentation. */
    STRONG("strong", "4 conv layers with batch norm, 2 pooling stages, dense 128, dropout");

    private final String id;
    private final String description;

    Architecture(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() { return id; }

    public String description() { return description; }

    public static Architecture parse(String text) {
        String key = text.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(a -> a.id.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown architecture '" + text + "' (use classic or strong)"));
    }
}
