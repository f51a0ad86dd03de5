package io.handwritingstudio.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The optimizers a network can be trained with; their ids are what model cards, the CLI and the studio say. */
public enum Optimizer {
    ADAM, NESTEROVS, SGD;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Optimizer::id).toList();
    }

    /** The optimizer an id names; refuses others in words. */
    public static Optimizer of(String id) {
        for (Optimizer o : values()) if (o.id().equals(id)) return o;
        throw new IllegalArgumentException("unknown optimizer '" + id + "' (use " + String.join(", ", ids()) + ")");
    }
}
