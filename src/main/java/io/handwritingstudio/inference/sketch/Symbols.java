package io.handwritingstudio.inference.sketch;

import java.util.List;
import java.util.Map;

/**
 * Stroke templates of symbols no training set here contains, for teaching a model new characters: plus, minus,
 * times and equals, each as a person draws it (strokes in a unit box, y down).
 */
public final class Symbols {
    public static final Map<String, List<double[][]>> MATH = Map.of(
            "plus", List.<double[][]>of(line(0.5, 0.1, 0.5, 0.9), line(0.1, 0.5, 0.9, 0.5)),
            "minus", List.<double[][]>of(line(0.1, 0.5, 0.9, 0.5)),
            "times", List.<double[][]>of(line(0.15, 0.15, 0.85, 0.85), line(0.85, 0.15, 0.15, 0.85)),
            "equals", List.<double[][]>of(line(0.1, 0.35, 0.9, 0.35), line(0.1, 0.65, 0.9, 0.65)));

    private Symbols() {
    }

    private static double[][] line(double x0, double y0, double x1, double y1) {
        return new double[][]{{x0, y0}, {(x0 + x1) / 2, (y0 + y1) / 2}, {x1, y1}};
    }
}
