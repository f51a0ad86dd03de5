package io.handwritingstudio.inference.reading;

import io.handwritingstudio.data.ClassNames;
import io.handwritingstudio.inference.InkMap;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The ways to cut one group into characters. A group wider than a character usually is may be touching characters:
 * cuts start where the ink is thin (minima of the column profile) and at regular steps, and each follows the path
 * down the group that crosses the least ink (so it can pass between characters that lean into each other); every
 * piece between two cuts is framed and read by the model, and {@link #best} keeps the reading whose pieces look most
 * like whole characters ({@link CutVerifier}: what the model read, the piece's shape and size, the ink its cuts
 * cross, what {@link WholeCharacters} says). The whole group is always one of the readings.
 */
final class Cuts {
    /**
     * Groups at least this wide (in line heights) are tried as touching characters: a 1 touching a 4 can be
     * narrower than a line height; the verifier keeps wide single characters whole.
     */
    static final double SPLIT_WIDTH = 0.8;
    /**
     * Groups wider than this may hold three or more characters (two 1s and a 9 fit in less than one line height);
     * narrower ones are cut once at most.
     */
    static final double MANY_WIDTH = 0.8;
    /** A piece narrower than this (line heights) is no character (a 1 is about 0.15-0.3). */
    static final double MIN_PIECE = 0.12;
    /** ... and one wider than this is no single character. */
    static final double MAX_PIECE = 1.4;
    /** Cut candidates: spaced about this fraction of a line height, plus the thinnest columns. */
    static final double STEP = 0.2;
    static final int MAX_MINIMA = 4;
    /** A cut path may drift this far (line heights) from its column; each sideways step and column off costs a little. */
    static final double PATH_REACH = 0.15;
    static final double PATH_TURN = 0.05;
    static final double PATH_DRIFT = 0.01;

    final Group group;
    /** Cut columns from the group's left edge to its right edge, ascending. */
    final int[] positions;
    /** Pieces as index pairs into positions. */
    final List<int[]> intervals = new ArrayList<>();
    /** For each position, the cut's column in every row of the group (ink left of it goes left). */
    final int[][] paths;
    /** For each path, how many of the group's ink pixels it runs through (a cut through a stroke crosses many). */
    final int[] crossed;

    private Cuts(Group group, int[] positions, int[][] paths, int[] crossed) {
        this.group = group;
        this.positions = positions;
        this.paths = paths;
        this.crossed = crossed;
    }

    private static int[] straight(Group g, int x) {
        int[] path = new int[g.height()];
        java.util.Arrays.fill(path, x);
        return path;
    }

    /** Only the whole group: narrow groups are one character. */
    static Cuts whole(Group g) {
        Cuts c = new Cuts(g, new int[] {g.left, g.right}, new int[][] {straight(g, g.left), straight(g, g.right)},
                new int[2]);
        c.intervals.add(new int[] {0, 1});
        return c;
    }

    static Cuts plan(InkMap map, Group g, double lineHeight) {
        if (g.width() < SPLIT_WIDTH * lineHeight) return whole(g);
        int minW = Math.max(2, (int) Math.round(MIN_PIECE * lineHeight));
        int maxW = (int) Math.round(MAX_PIECE * lineHeight);
        TreeSet<Integer> cuts = new TreeSet<>();
        cuts.add(g.left);
        cuts.add(g.right);
        int step = Math.max(1, (int) Math.round(STEP * lineHeight));
        for (int x = g.left + minW; x <= g.right - minW; x += step) cuts.add(x);
        cuts.addAll(thinColumns(map, g, minW));
        int[] positions = cuts.stream().mapToInt(Integer::intValue).toArray();
        int[][] paths = new int[positions.length][];
        int[] crossed = new int[positions.length];
        boolean[] ink = inkOf(map, g);
        int reach = (int) Math.round(PATH_REACH * lineHeight);
        for (int i = 0; i < positions.length; i++) {
            boolean edge = i == 0 || i == positions.length - 1;
            paths[i] = edge || reach == 0 ? straight(g, positions[i]) : path(ink, g, positions[i], reach);
            if (!edge) for (int y = 0; y < g.height(); y++) if (ink[y * g.width() + paths[i][y] - g.left]) crossed[i]++;
        }
        Cuts c = new Cuts(g, positions, paths, crossed);
        int last = positions.length - 1;
        boolean many = g.width() > MANY_WIDTH * lineHeight;
        for (int i = 0; i < last; i++) {
            for (int j = i + 1; j <= last; j++) {
                int width = positions[j] - positions[i];
                boolean whole = i == 0 && j == last;
                boolean reachable = many || i == 0 || j == last;
                if (whole || (reachable && width >= minW && width <= maxW)) c.intervals.add(new int[] {i, j});
            }
        }
        return c;
    }

    /** The group's own ink over its box, row-major. */
    private static boolean[] inkOf(InkMap map, Group g) {
        int w = map.width();
        int gw = g.width();
        boolean[] ink = new boolean[gw * g.height()];
        for (Blob b : g.blobs) for (int p : b.pixels()) ink[(p / w - g.top) * gw + p % w - g.left] = true;
        return ink;
    }

    /**
     * The cut from top to bottom near column {@code x} that crosses the least ink: it may drift a column per row,
     * up to {@code reach} columns from {@code x}, so it can pass between characters that lean into each other where a
     * straight cut would slice one of them. Each step off the straight line costs a little, so on blank paper it stays.
     */
    private static int[] path(boolean[] ink, Group g, int x, int reach) {
        int gw = g.width();
        int h = g.height();
        int lo = Math.max(g.left + 1, x - reach);
        int hi = Math.min(g.right - 1, x + reach);
        int n = hi - lo + 1;
        if (n <= 1) return straight(g, x);
        double[] cost = new double[n];
        int[][] from = new int[h][n];
        double[] next = new double[n];
        for (int y = 0; y < h; y++) {
            for (int c = 0; c < n; c++) {
                double best = Double.POSITIVE_INFINITY;
                int arg = c;
                if (y == 0) {
                    best = 0;
                } else {
                    for (int d = -1; d <= 1; d++) {
                        int q = c + d;
                        if (q < 0 || q >= n) continue;
                        double v = cost[q] + (d == 0 ? 0 : PATH_TURN);
                        if (v < best) {
                            best = v;
                            arg = q;
                        }
                    }
                }
                int col = lo + c;
                from[y][c] = arg;
                next[c] = best + (ink[y * gw + col - g.left] ? 1 : 0) + PATH_DRIFT * Math.abs(col - x);
            }
            double[] t = cost; cost = next; next = t;
        }
        int c = 0;
        for (int k = 1; k < n; k++) if (cost[k] < cost[c]) c = k;
        int[] path = new int[h];
        for (int y = h - 1; y >= 0; y--) {
            path[y] = lo + c;
            c = from[y][c];
        }
        return path;
    }

    /** Local minima of the (3-column smoothed) ink count per column, the thinnest first. */
    private static List<Integer> thinColumns(InkMap map, Group g, int margin) {
        int w = map.width();
        int[] profile = new int[g.width()];
        for (Blob b : g.blobs) for (int p : b.pixels()) profile[p % w - g.left]++;
        double[] smooth = new double[profile.length];
        for (int i = 0; i < profile.length; i++) {
            int lo = Math.max(0, i - 1), hi = Math.min(profile.length - 1, i + 1);
            double s = 0;
            for (int k = lo; k <= hi; k++) s += profile[k];
            smooth[i] = s / (hi - lo + 1);
        }
        List<Integer> minima = new ArrayList<>();
        for (int i = margin; i < profile.length - margin; i++) {
            boolean left = i == 0 || smooth[i] <= smooth[i - 1];
            boolean right = i == profile.length - 1 || smooth[i] < smooth[i + 1];
            if (left && right) minima.add(i);
        }
        minima.sort((a, b) -> Double.compare(smooth[a], smooth[b]));
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < Math.min(MAX_MINIMA, minima.size()); i++) out.add(g.left + minima.get(i));
        return out;
    }

    /**
     * The best reading: interval indices, left to right, maximising the sum of the pieces' {@link CutVerifier} scores.
     * {@code pieces[k]}, {@code probabilities[k]} and {@code whole[k]} belong to {@code intervals.get(k)}; a null piece
     * (no ink between the cuts) is not a character. A reading's score is the sum of its pieces' scores ({@code weights}
     * times their features), and the highest is kept.
     */
    List<Integer> best(Piece[] pieces, float[][] probabilities, float[] whole, double[] weights, double lineHeight,
                       ClassNames classes) {
        double[] scores = new double[intervals.size()];
        for (int k = 0; k < scores.length; k++) {
            scores[k] = pieces[k] == null ? Double.NEGATIVE_INFINITY
                    : CutVerifier.dot(weights,
                    CutVerifier.features(this, k, pieces[k], probabilities[k], whole[k], lineHeight, classes));
        }
        return best(positions.length, intervals, scores);
    }

    /** The path of intervals from position 0 to the last with the highest sum of scores (empty if none is finite). */
    static List<Integer> best(int n, List<int[]> intervals, double[] scores) {
        double[] score = new double[n];
        int[] from = new int[n];
        java.util.Arrays.fill(score, Double.NEGATIVE_INFINITY);
        score[0] = 0;
        // Relaxed in order of end point, so score[i] is final before any interval starting at i is relaxed.
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < intervals.size(); k++) order.add(k);
        order.sort((a, b) -> Integer.compare(intervals.get(a)[1], intervals.get(b)[1]));
        for (int k : order) {
            int i = intervals.get(k)[0];
            int j = intervals.get(k)[1];
            if (scores[k] == Double.NEGATIVE_INFINITY || score[i] == Double.NEGATIVE_INFINITY) continue;
            double s = score[i] + scores[k];
            if (s > score[j]) {
                score[j] = s;
                from[j] = k;
            }
        }
        List<Integer> path = new ArrayList<>();
        if (score[n - 1] == Double.NEGATIVE_INFINITY) return path;
        for (int j = n - 1; j > 0; ) {
            int k = from[j];
            path.add(0, k);
            j = intervals.get(k)[0];
        }
        return path;
    }
}
