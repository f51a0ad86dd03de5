package io.handwritingstudio.inference.sketch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stroke templates of the 26 letters, upper and lower case, in the order and direction people write them (strokes
 * in a unit box, y down, as {@link Symbols}). Letters people write in more than one way have several variants:
 * double- and single-storey a, 4- and 3-stroke E, open- and closed-tail g, crossed and plain t, and so on.
 * Lower-case x-height letters sit in the lower part of the box, so drawn to the same box they come out smaller
 * with relatively thicker strokes, as they do on a pad. Curves are given every 30 degrees or so: a writer's
 * jitter bends each given point, so denser points would only make the line shaky.
 */
public final class Letters {
    /** Upper-case templates by letter: each entry is a list of variants, each a list of strokes. */
    public static final Map<Character, List<List<double[][]>>> UPPER = upper();
    /** Lower-case templates, same form. */
    public static final Map<Character, List<List<double[][]>>> LOWER = lower();

    private Letters() {
    }

    /** The variants of one letter ('A'..'Z' or 'a'..'z'). */
    public static List<List<double[][]>> variants(char letter) {
        List<List<double[][]>> v = Character.isUpperCase(letter) ? UPPER.get(letter) : LOWER.get(letter);
        if (v == null) throw new IllegalArgumentException("no template for '" + letter + "'");
        return v;
    }

    private static Map<Character, List<List<double[][]>>> upper() {
        Map<Character, List<List<double[][]>>> m = new TreeMap<>();
        put(m, 'A', strokes(l(0.05, 1, 0.5, 0, 0.95, 1), l(0.25, 0.62, 0.75, 0.62)),
                strokes(l(0.5, 0, 0.05, 1), l(0.5, 0, 0.95, 1), l(0.27, 0.6, 0.73, 0.6)));
        double[][] upperBump = join(l(0.15, 0), arc(0.52, 0.25, 0.3, 0.25, -90, 90), l(0.15, 0.5));
        double[][] lowerBump = join(l(0.15, 0.5), arc(0.56, 0.75, 0.33, 0.25, -90, 90), l(0.15, 1));
        put(m, 'B', strokes(l(0.15, 0, 0.15, 1), join(upperBump, lowerBump)),
                strokes(join(l(0.15, 1, 0.15, 0), upperBump, lowerBump)));
        put(m, 'C', strokes(arc(0.55, 0.5, 0.42, 0.5, -40, -320)));
        double[][] bowl = join(l(0.15, 0, 0.4, 0), arc(0.4, 0.5, 0.45, 0.5, -90, 90), l(0.15, 1));
        put(m, 'D', strokes(l(0.15, 0, 0.15, 1), bowl), strokes(join(l(0.15, 1, 0.15, 0), bowl)));
        put(m, 'E', strokes(l(0.15, 0, 0.15, 1), l(0.15, 0, 0.85, 0), l(0.15, 0.5, 0.7, 0.5), l(0.15, 1, 0.85, 1)),
                strokes(l(0.85, 0, 0.15, 0, 0.15, 1, 0.85, 1), l(0.15, 0.5, 0.7, 0.5)),
                strokes(join(arc(0.52, 0.26, 0.34, 0.25, -30, -270), arc(0.55, 0.75, 0.38, 0.25, -90, -300))));
        put(m, 'F', strokes(l(0.15, 0, 0.15, 1), l(0.15, 0, 0.85, 0), l(0.15, 0.48, 0.7, 0.48)),
                strokes(l(0.85, 0, 0.15, 0, 0.15, 1), l(0.15, 0.48, 0.7, 0.48)));
        put(m, 'G', strokes(join(arc(0.55, 0.5, 0.42, 0.5, -40, -360), l(0.97, 0.55, 0.6, 0.55))),
                strokes(join(arc(0.55, 0.5, 0.42, 0.5, -40, -350), l(0.95, 0.95)), l(0.6, 0.55, 0.97, 0.55)));
        put(m, 'H', strokes(l(0.15, 0, 0.15, 1), l(0.85, 0, 0.85, 1), l(0.15, 0.5, 0.85, 0.5)));
        put(m, 'I', strokes(l(0.5, 0, 0.5, 1)),
                strokes(l(0.5, 0, 0.5, 1), l(0.2, 0, 0.8, 0), l(0.2, 1, 0.8, 1)));
        double[][] hook = join(l(0.7, 0, 0.7, 0.72), arc(0.45, 0.72, 0.25, 0.28, 0, 170));
        put(m, 'J', strokes(hook), strokes(hook, l(0.35, 0, 0.95, 0)));
        put(m, 'K', strokes(l(0.15, 0, 0.15, 1), l(0.85, 0, 0.17, 0.55, 0.85, 1)),
                strokes(l(0.15, 0, 0.15, 1), l(0.85, 0, 0.17, 0.55), l(0.4, 0.38, 0.87, 1)));
        put(m, 'L', strokes(l(0.15, 0, 0.15, 1, 0.85, 1)));
        put(m, 'M', strokes(l(0.05, 1, 0.1, 0, 0.5, 0.65, 0.9, 0, 0.95, 1)),
                strokes(l(0.1, 1, 0.1, 0), l(0.1, 0, 0.5, 1, 0.9, 0, 0.9, 1)));
        put(m, 'N', strokes(l(0.15, 1, 0.15, 0, 0.85, 1, 0.85, 0)),
                strokes(l(0.15, 1, 0.15, 0), l(0.15, 0, 0.85, 1, 0.85, 0)));
        put(m, 'O', strokes(arc(0.5, 0.5, 0.42, 0.5, -90, -440)));
        double[][] pBump = join(l(0.15, 0), arc(0.5, 0.27, 0.35, 0.27, -90, 90), l(0.15, 0.54));
        put(m, 'P', strokes(l(0.15, 0, 0.15, 1), pBump), strokes(join(l(0.15, 1, 0.15, 0), pBump)));
        put(m, 'Q', strokes(arc(0.5, 0.48, 0.42, 0.48, -90, -440), l(0.6, 0.72, 0.95, 1.05)));
        put(m, 'R', strokes(l(0.15, 0, 0.15, 1), join(pBump, l(0.85, 1))),
                strokes(join(l(0.15, 1, 0.15, 0), pBump), l(0.42, 0.54, 0.85, 1)));
        put(m, 'S', strokes(s(0.5)));
        put(m, 'T', strokes(l(0.05, 0, 0.95, 0), l(0.5, 0, 0.5, 1)));
        double[][] u = join(l(0.15, 0, 0.15, 0.6), arc(0.5, 0.6, 0.35, 0.4, 180, 0), l(0.85, 0));
        put(m, 'U', strokes(u), strokes(join(u, l(0.85, 1))));
        put(m, 'V', strokes(l(0.05, 0, 0.5, 1, 0.95, 0)));
        put(m, 'W', strokes(l(0, 0, 0.25, 1, 0.5, 0.3, 0.75, 1, 1, 0)),
                strokes(l(0, 0, 0.25, 1, 0.5, 0, 0.75, 1, 1, 0)));
        put(m, 'X', strokes(l(0.1, 0, 0.9, 1), l(0.9, 0, 0.1, 1)));
        put(m, 'Y', strokes(l(0.05, 0, 0.5, 0.5), l(0.95, 0, 0.5, 0.5, 0.5, 1)),
                strokes(l(0.05, 0, 0.5, 0.5), l(0.95, 0, 0.25, 1)));
        put(m, 'Z', strokes(l(0.1, 0, 0.9, 0, 0.1, 1, 0.9, 1)),
                strokes(l(0.1, 0, 0.9, 0, 0.1, 1, 0.9, 1), l(0.25, 0.5, 0.75, 0.5)));
        return m;
    }

    private static Map<Character, List<List<double[][]>>> lower() {
        Map<Character, List<List<double[][]>>> m = new TreeMap<>();
        double top = 0.35; // x-height letters: 0.35..1; ascenders from 0; descender letters: x-height 0..0.62
        put(m, 'a', strokes(join(arc(0.45, 0.67, 0.33, 0.31, -30, -360), l(0.8, top, 0.8, 1))),
                strokes(join(arc(0.47, 0.5, 0.3, 0.15, 200, 360), l(0.77, 0.5, 0.77, 1)),
                        join(l(0.77, 0.68, 0.45, 0.66), arc(0.45, 0.83, 0.3, 0.17, -90, -350))));
        double[][] bBowl = arc(0.5, 0.68, 0.32, 0.32, 160, 520);
        put(m, 'b', strokes(join(l(0.18, 0, 0.18, 1), bBowl)), strokes(l(0.18, 0, 0.18, 1), arc(0.5, 0.68, 0.32, 0.32, 180, 520)));
        put(m, 'c', strokes(arc(0.52, 0.67, 0.35, 0.33, -40, -320)));
        put(m, 'd', strokes(join(arc(0.48, 0.68, 0.32, 0.32, -20, -360), l(0.8, 0, 0.8, 1))),
                strokes(arc(0.48, 0.68, 0.32, 0.32, -20, -360), l(0.8, 0, 0.8, 1)));
        put(m, 'e', strokes(join(l(0.16, 0.68, 0.84, 0.68), arc(0.5, 0.68, 0.34, 0.32, 0, -320))));
        put(m, 'f', strokes(join(arc(0.62, 0.2, 0.22, 0.2, -10, -180), l(0.4, 1)), l(0.15, 0.42, 0.72, 0.42)));
        double[][] gBowl = arc(0.45, 0.3, 0.32, 0.28, -30, -360);
        put(m, 'g', strokes(join(gBowl, l(0.77, 0.05, 0.77, 0.8), arc(0.5, 0.8, 0.27, 0.2, 0, 170))),
                strokes(join(gBowl, l(0.77, 0.05, 0.77, 0.78), arc(0.5, 0.78, 0.27, 0.22, 0, 270), l(0.77, 0.6))));
        double[][] hump = join(arc(0.5, 0.62, 0.32, 0.25, 180, 360), l(0.82, 1));
        put(m, 'h', strokes(l(0.18, 0, 0.18, 1), hump), strokes(join(l(0.18, 0, 0.18, 1, 0.18, 0.62), hump)));
        put(m, 'i', strokes(l(0.5, 0.42, 0.5, 1), new double[][]{{0.5, 0.3}}));
        put(m, 'j', strokes(join(l(0.62, top, 0.62, 0.82), arc(0.4, 0.82, 0.22, 0.18, 0, 170)), new double[][]{{0.62, 0.06}}));
        put(m, 'k', strokes(l(0.18, 0, 0.18, 1), l(0.8, top, 0.2, 0.7, 0.8, 1)),
                strokes(l(0.18, 0, 0.18, 1), join(arc(0.45, 0.5, 0.27, 0.15, 180, 400), l(0.2, 0.68, 0.8, 1))));
        put(m, 'l', strokes(l(0.5, 0, 0.5, 1)),
                strokes(join(l(0.4, 0, 0.4, 0.82), arc(0.56, 0.82, 0.16, 0.18, 180, 20))));
        put(m, 'm', strokes(join(l(0.08, top, 0.08, 1, 0.08, 0.55), arc(0.29, 0.57, 0.21, 0.22, 180, 360),
                l(0.5, 1, 0.5, 0.57), arc(0.71, 0.57, 0.21, 0.22, 180, 360), l(0.92, 1))));
        put(m, 'n', strokes(join(l(0.15, top, 0.15, 1, 0.15, 0.62), arc(0.5, 0.62, 0.35, 0.27, 180, 360), l(0.85, 1))));
        put(m, 'o', strokes(arc(0.5, 0.67, 0.35, 0.33, -90, -440)));
        put(m, 'p', strokes(join(l(0.2, 0.02, 0.2, 1, 0.2, 0.3), arc(0.5, 0.3, 0.3, 0.28, 180, 530))),
                strokes(l(0.2, 0.02, 0.2, 1), arc(0.5, 0.3, 0.3, 0.28, 170, 530)));
        double[][] qBowl = arc(0.48, 0.3, 0.32, 0.28, -20, -360);
        put(m, 'q', strokes(join(qBowl, l(0.8, 0.02, 0.8, 1))), strokes(join(qBowl, l(0.8, 0.02, 0.8, 1, 0.97, 0.88))));
        put(m, 'r', strokes(join(l(0.2, top, 0.2, 1, 0.2, 0.62), arc(0.52, 0.62, 0.32, 0.22, 180, 320))));
        put(m, 's', strokes(scale(s(0.5), 0.7, 0.35)));
        put(m, 't', strokes(join(l(0.45, 0.05, 0.45, 0.85), arc(0.6, 0.85, 0.15, 0.15, 180, 30)), l(0.15, 0.35, 0.8, 0.35)),
                strokes(l(0.5, 0.05, 0.5, 1), l(0.15, 0.35, 0.85, 0.35)));
        double[][] uCup = join(l(0.15, top, 0.15, 0.7), arc(0.45, 0.7, 0.3, 0.3, 180, 0), l(0.75, top));
        put(m, 'u', strokes(join(uCup, l(0.75, 1))), strokes(join(uCup, l(0.75, 1, 0.85, 0.95))));
        put(m, 'v', strokes(l(0.1, top, 0.5, 1, 0.9, top)));
        put(m, 'w', strokes(l(0, top, 0.25, 1, 0.5, 0.55, 0.75, 1, 1, top)));
        put(m, 'x', strokes(l(0.15, top, 0.85, 1), l(0.85, top, 0.15, 1)));
        put(m, 'y', strokes(l(0.1, 0, 0.5, 0.6), l(0.9, 0, 0.3, 1)),
                strokes(join(l(0.15, 0, 0.15, 0.35), arc(0.45, 0.35, 0.3, 0.28, 180, 0), l(0.75, 0, 0.75, 0.82),
                        arc(0.5, 0.82, 0.25, 0.18, 0, 170))));
        put(m, 'z', strokes(l(0.15, top, 0.85, top, 0.15, 1, 0.85, 1)));
        return m;
    }

    /** An S in a box 0..1 wide centred on x = cx: upper bowl counter-clockwise, lower bowl clockwise. */
    static double[][] s(double cx) {
        return join(arc(cx, 0.26, 0.33, 0.26, -20, -270), arc(cx, 0.74, 0.36, 0.26, -90, 160));
    }

    /** Moves a polyline into the band {@code top..1} (height {@code 1 - top}), scaling x by {@code sx} about 0.5. */
    private static double[][] scale(double[][] p, double sx, double top) {
        double[][] out = new double[p.length][];
        for (int i = 0; i < p.length; i++) out[i] = new double[]{0.5 + (p[i][0] - 0.5) * sx, top + p[i][1] * (1 - top)};
        return out;
    }

    @SafeVarargs
    private static void put(Map<Character, List<List<double[][]>>> m, char c, List<double[][]>... variants) {
        m.put(c, List.of(variants));
    }

    static List<double[][]> strokes(double[][]... strokes) {
        return List.of(strokes);
    }

    /** A polyline through (x, y) pairs; a single pair is one point (to join onto). */
    static double[][] l(double... xy) {
        double[][] p = new double[xy.length / 2][];
        for (int i = 0; i < p.length; i++) p[i] = new double[]{xy[2 * i], xy[2 * i + 1]};
        return p;
    }

    /** Points on an elliptical arc, angles in degrees (0 = right, 90 = down), one at least every 30 degrees. */
    static double[][] arc(double cx, double cy, double rx, double ry, double fromDeg, double toDeg) {
        int n = Math.max(2, (int) Math.ceil(Math.abs(toDeg - fromDeg) / 30));
        double[][] p = new double[n + 1][];
        for (int i = 0; i <= n; i++) {
            double a = Math.toRadians(fromDeg + (toDeg - fromDeg) * i / n);
            p[i] = new double[]{cx + rx * Math.cos(a), cy + ry * Math.sin(a)};
        }
        return p;
    }

    static double[][] join(double[][]... parts) {
        List<double[]> all = new ArrayList<>();
        for (double[][] part : parts) all.addAll(List.of(part));
        return all.toArray(new double[0][]);
    }
}
