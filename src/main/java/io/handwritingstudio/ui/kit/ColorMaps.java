package io.handwritingstudio.ui.kit;

import javafx.scene.paint.Color;

/**
 * Colour maps for activations (viridis: dark purple = low, yellow = high, readable in light and dark themes and
 * by colour-blind users) and for weights (diverging blue - white - red: negative - zero - positive).
 */
public final class ColorMaps {
    private static final int[] VIRIDIS = {
            0x440154, 0x482475, 0x414487, 0x355f8d, 0x2a788e, 0x21918c, 0x22a884, 0x44bf70, 0x7ad151, 0xbddf26,
            0xfde725};
    private static final int[] DIVERGING = {0x2166ac, 0x67a9cf, 0xd1e5f0, 0xf7f7f7, 0xfddbc7, 0xef8a62, 0xb2182b};
    private static final int[] HEAT = {0x000004, 0x420a68, 0x932667, 0xdd513a, 0xfca50a, 0xfcffa4};
    /** Ten distinct class colours (Tableau 10), repeated for more classes. */
    private static final int[] CLASSES = {0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f, 0xedc948, 0xb07aa1,
            0xff9da7, 0x9c755f, 0xbab0ac};

    private ColorMaps() {
    }

    /** Viridis for t in [0,1] (clamped), as opaque ARGB. */
    public static int viridis(double t) {
        return interpolate(VIRIDIS, t);
    }

    /** Diverging colour for {@code value} on a symmetric scale [-limit, limit], as opaque ARGB. */
    public static int diverging(double value, double limit) {
        double t = limit <= 0 ? 0.5 : 0.5 + 0.5 * value / limit;
        return interpolate(DIVERGING, t);
    }

    /** Magma-like heat for saliency overlays, as opaque ARGB. */
    public static int heat(double t) {
        return interpolate(HEAT, t);
    }

    public static Color classColor(int classIndex) {
        int rgb = CLASSES[Math.floorMod(classIndex, CLASSES.length)];
        double shade = classIndex >= CLASSES.length ? 0.75 : 1.0;
        return Color.rgb((int) (((rgb >> 16) & 255) * shade), (int) (((rgb >> 8) & 255) * shade),
                (int) ((rgb & 255) * shade));
    }

    public static Color toColor(int argb) {
        return Color.rgb((argb >> 16) & 255, (argb >> 8) & 255, argb & 255);
    }

    /** t mapped onto [0,1] between lo and hi; a flat range maps to 0. */
    public static double normalise(double value, double lo, double hi) {
        return hi > lo ? (value - lo) / (hi - lo) : 0;
    }

    private static int interpolate(int[] stops, double t) {
        double clamped = Double.isNaN(t) ? 0 : Math.max(0, Math.min(1, t));
        double pos = clamped * (stops.length - 1);
        int i = Math.min((int) pos, stops.length - 2);
        double f = pos - i;
        int a = stops[i];
        int b = stops[i + 1];
        int r = (int) Math.round(((a >> 16) & 255) * (1 - f) + ((b >> 16) & 255) * f);
        int g = (int) Math.round(((a >> 8) & 255) * (1 - f) + ((b >> 8) & 255) * f);
        int bl = (int) Math.round((a & 255) * (1 - f) + (b & 255) * f);
        return 0xff000000 | (r << 16) | (g << 8) | bl;
    }
}
