package io.handwritingstudio.inference.reading;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Blobs into characters in reading order: parts of one character (the dot of an i, a broken stroke, a 5's loose top
 * bar) share columns, so blobs that overlap along the line are joined; specks away from any character are dropped.
 */
final class Segmenter {
    /** Blobs sharing at least this much of the narrower one's width belong to one character. */
    static final double JOIN_OVERLAP = 0.5;
    /** Blobs below this fraction of a typical character's area are parts or specks, never characters. */
    static final double SMALL_AREA = 0.12;
    /** ... and specks, dropped wherever they are, below this one. */
    static final double SPECK_AREA = 0.02;
    /** Groups less tall than this (in line heights) are parts of a neighbour. */
    static final double FLAT = 0.4;
    /** Fewer than this many ink pixels is noise, not writing. */
    static final int MIN_AREA = 4;

    record Segmentation(List<Group> groups, double lineHeight) {
    }

    private Segmenter() {
    }

    static Segmentation segment(List<Blob> blobs) {
        int typical = typicalArea(blobs);
        List<Group> groups = new ArrayList<>();
        List<Blob> small = new ArrayList<>();
        for (Blob b : blobs) {
            if (b.area() < Math.max(MIN_AREA, SPECK_AREA * typical)) continue;
            if (b.area() < SMALL_AREA * typical) small.add(b);
            else groups.add(new Group(b));
        }
        groups = join(groups);
        if (groups.isEmpty()) return new Segmentation(List.of(), 0);
        for (Blob b : small) attach(b, groups);
        double height = median(groups.stream().mapToInt(Group::height).toArray());
        return new Segmentation(joinFlat(groups, height), height);
    }

    /** The median area of the larger blobs (those at least a fifth of the largest): what a character weighs. */
    private static int typicalArea(List<Blob> blobs) {
        int largest = blobs.stream().mapToInt(Blob::area).max().orElse(0);
        int[] big = blobs.stream().mapToInt(Blob::area).filter(a -> a >= 0.2 * largest).toArray();
        return big.length == 0 ? 0 : (int) median(big);
    }

    /** Joins overlapping groups until none overlap enough; sorted by left edge, so each is compared with its neighbours. */
    private static List<Group> join(List<Group> groups) {
        boolean changed = true;
        while (changed) {
            changed = false;
            groups.sort(Comparator.comparingInt(g -> g.left));
            List<Group> out = new ArrayList<>();
            for (Group g : groups) {
                Group into = null;
                for (int i = out.size() - 1; i >= 0 && i >= out.size() - 4; i--) {
                    if (out.get(i).overlap(g) >= JOIN_OVERLAP) {
                        into = out.get(i);
                        break;
                    }
                }
                if (into == null) {
                    out.add(g);
                } else {
                    into.addAll(g);
                    changed = true;
                }
            }
            groups = out;
        }
        return groups;
    }

    /**
     * A group much shorter than the line is a part (a 5's loose top bar, a t's cross), not a character: it joins the
     * nearer of its neighbours.
     */
    private static List<Group> joinFlat(List<Group> groups, double lineHeight) {
        List<Group> out = new ArrayList<>(groups);
        for (int i = 0; i < out.size() && out.size() > 1; i++) {
            Group g = out.get(i);
            if (g.height() >= FLAT * lineHeight) continue;
            int leftGap = i > 0 ? g.left - out.get(i - 1).right : Integer.MAX_VALUE;
            int rightGap = i + 1 < out.size() ? out.get(i + 1).left - g.right : Integer.MAX_VALUE;
            Group into = out.get(leftGap <= rightGap ? i - 1 : i + 1);
            into.addAll(g);
            out.remove(i);
            i = -1; // start again: the joined group may have changed its neighbours
        }
        return out;
    }

    /** A small blob joins the character whose columns it shares most, or is dropped as a speck. */
    private static void attach(Blob b, List<Group> groups) {
        Group best = null;
        int bestShared = 0;
        for (Group g : groups) {
            int shared = Math.min(g.right, b.right()) - Math.max(g.left, b.left());
            if (shared > bestShared) {
                bestShared = shared;
                best = g;
            }
        }
        if (best != null && bestShared >= JOIN_OVERLAP * b.width()) best.add(b);
    }

    static double median(int[] values) {
        if (values.length == 0) return 0;
        int[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
    }
}
