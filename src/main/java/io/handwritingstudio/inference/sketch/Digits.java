package io.handwritingstudio.inference.sketch;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.handwritingstudio.inference.sketch.Letters.arc;
import static io.handwritingstudio.inference.sketch.Letters.join;
import static io.handwritingstudio.inference.sketch.Letters.l;
import static io.handwritingstudio.inference.sketch.Letters.strokes;

/**
 * Stroke templates of the ten digits in the form of {@link Letters}, with the variants people write: 1 with and
 * without its flag, crossed and plain 7, open and closed 4, straight- and curved-stemmed 9.
 */
public final class Digits {
    public static final Map<Character, List<List<double[][]>>> ALL = digits();

    private Digits() {
    }

    private static Map<Character, List<List<double[][]>>> digits() {
        Map<Character, List<List<double[][]>>> m = new TreeMap<>();
        m.put('0', List.of(strokes(arc(0.5, 0.5, 0.36, 0.5, -90, -440))));
        m.put('1', List.of(strokes(l(0.3, 0.2, 0.55, 0, 0.55, 1)), strokes(l(0.55, 0, 0.55, 1))));
        m.put('2', List.of(strokes(join(arc(0.5, 0.3, 0.38, 0.3, 200, 380), l(0.1, 1, 0.9, 1)))));
        m.put('3', List.of(strokes(join(arc(0.48, 0.26, 0.36, 0.24, 200, 450), arc(0.48, 0.74, 0.4, 0.26, -90, 160)))));
        m.put('4', List.of(strokes(l(0.6, 0, 0.05, 0.66, 0.95, 0.66), l(0.72, 0.3, 0.72, 1)),
                strokes(l(0.2, 0, 0.12, 0.6, 0.9, 0.6), l(0.75, 0, 0.75, 1))));
        m.put('5', List.of(strokes(join(l(0.8, 0, 0.25, 0, 0.2, 0.45), arc(0.47, 0.68, 0.35, 0.3, -120, 150)))));
        m.put('6', List.of(strokes(join(arc(0.75, 0.55, 0.5, 0.55, -110, -180), arc(0.5, 0.72, 0.3, 0.28, 180, 540)))));
        m.put('7', List.of(strokes(l(0.1, 0, 0.9, 0, 0.4, 1)), strokes(l(0.1, 0, 0.9, 0, 0.4, 1), l(0.35, 0.5, 0.85, 0.5))));
        double[][] loop = arc(0.5, 0.3, 0.32, 0.28, -20, -360);
        m.put('8', List.of(strokes(join(arc(0.5, 0.25, 0.3, 0.25, -20, -270), arc(0.5, 0.74, 0.35, 0.26, -90, 270),
                arc(0.5, 0.25, 0.3, 0.25, 90, -20)))));
        m.put('9', List.of(strokes(join(loop, l(0.8, 0.25, 0.75, 1))), strokes(join(loop, l(0.8, 0.3, 0.8, 0.7), arc(0.5, 0.7, 0.3, 0.3, 0, 150)))));
        return m;
    }
}
