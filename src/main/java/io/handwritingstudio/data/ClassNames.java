package io.handwritingstudio.data;

import java.util.List;
import java.util.stream.IntStream;

/** The display names of a dataset's classes, by class index (0..size-1): "7", "A", "T-shirt". */
public record ClassNames(List<String> names) {

    public ClassNames {
        if (names.isEmpty()) throw new IllegalArgumentException("a dataset needs at least one class");
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String n : names) {
            if (n == null || n.isBlank()) throw new IllegalArgumentException("a class name is empty");
            if (!seen.add(n)) throw new IllegalArgumentException("class '" + n + "' is named twice: every class needs its own name");
        }
        names = List.copyOf(names);
    }

    public static ClassNames digits() {
        return new ClassNames(IntStream.range(0, 10).mapToObj(String::valueOf).toList());
    }

    public static ClassNames of(String... names) {
        return new ClassNames(List.of(names));
    }

    public int size() {
        return names.size();
    }

    public String name(int index) {
        return names.get(index);
    }

    /** Index of a class by its name, or -1. */
    public int indexOf(String name) {
        return names.indexOf(name);
    }
}
