package io.handwritingstudio.inference.reading;

import io.handwritingstudio.data.ClassNames;

import java.util.Map;

/**
 * How wide each character usually is for its height: mean and spread of log(ink width / ink height), measured on the
 * training splits of MNIST (digits) and EMNIST letters (upper-case names), each 28x28 image's ink box at grey level
 * above 25 (2026-12-02). A piece read as "8" but twice as wide as an 8 is two characters, not an 8; a sliver read as
 * "6" is a part of one. Classes not listed get no shape prior.
 */
final class CharacterShapes {
    private static final Map<String, double[]> LOG_ASPECT = Map.ofEntries(
            Map.entry("0", new double[] {-0.095, 0.182}), Map.entry("1", new double[] {-0.876, 0.440}),
            Map.entry("2", new double[] {-0.064, 0.202}), Map.entry("3", new double[] {-0.215, 0.200}),
            Map.entry("4", new double[] {-0.222, 0.201}), Map.entry("5", new double[] {-0.067, 0.240}),
            Map.entry("6", new double[] {-0.302, 0.208}), Map.entry("7", new double[] {-0.243, 0.204}),
            Map.entry("8", new double[] {-0.260, 0.211}), Map.entry("9", new double[] {-0.368, 0.200}),
            Map.entry("A", new double[] {0.071, 0.259}), Map.entry("B", new double[] {-0.269, 0.238}),
            Map.entry("C", new double[] {-0.009, 0.212}), Map.entry("D", new double[] {-0.201, 0.233}),
            Map.entry("E", new double[] {0.069, 0.207}), Map.entry("F", new double[] {-0.213, 0.249}),
            Map.entry("G", new double[] {-0.192, 0.244}), Map.entry("H", new double[] {-0.317, 0.263}),
            Map.entry("I", new double[] {-0.704, 0.446}), Map.entry("J", new double[] {-0.194, 0.381}),
            Map.entry("K", new double[] {-0.132, 0.201}), Map.entry("L", new double[] {-0.684, 0.487}),
            Map.entry("M", new double[] {0.381, 0.254}), Map.entry("N", new double[] {0.093, 0.216}),
            Map.entry("O", new double[] {-0.028, 0.179}), Map.entry("P", new double[] {-0.266, 0.240}),
            Map.entry("Q", new double[] {-0.221, 0.253}), Map.entry("R", new double[] {-0.010, 0.207}),
            Map.entry("S", new double[] {-0.106, 0.191}), Map.entry("T", new double[] {-0.139, 0.282}),
            Map.entry("U", new double[] {0.023, 0.221}), Map.entry("V", new double[] {-0.115, 0.212}),
            Map.entry("W", new double[] {0.237, 0.228}), Map.entry("X", new double[] {-0.106, 0.203}),
            Map.entry("Y", new double[] {-0.330, 0.242}), Map.entry("Z", new double[] {0.129, 0.234}));

    private CharacterShapes() {
    }

    /**
     * How many spreads the piece's width-to-height ratio lies from what the class usually has beyond the first
     * (0 within one spread, and for unknown classes).
     */
    static double excess(ClassNames classes, int predicted, int width, int height) {
        return Math.max(0, Math.abs(z(classes, predicted, width, height)) - 1);
    }

    /** How many spreads the piece's log width-to-height ratio lies above (positive) or below its class's mean; 0 if unknown. */
    static double z(ClassNames classes, int predicted, int width, int height) {
        double[] shape = LOG_ASPECT.get(classes.name(predicted).toUpperCase(java.util.Locale.ROOT));
        if (shape == null) return 0;
        return (Math.log(width / (double) Math.max(1, height)) - shape[0]) / shape[1];
    }
}
