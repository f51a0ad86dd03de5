package io.handwritingstudio.ui.training;

import java.util.Locale;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** CPU ticks per native thread of this process from /proc (Linux), native OpenMP workers included. */
final class ThreadCpu {
    private ThreadCpu() {
    }

    record Sample(String name, long ticks) {
    }

    static Map<String, Sample> snapshot() {
        Map<String, Sample> out = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(t -> {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    out.put(t.getFileName().toString(), new Sample(name, Long.parseLong(f[11]) + Long.parseLong(f[12])));
                } catch (IOException | RuntimeException ignored) {
                    // the thread ended meanwhile
                }
            });
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    static void printTop(Map<String, Sample> before, Map<String, Sample> after, int n) {
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey() + " " + e.getValue().name(),
                        e.getValue().ticks() - (before.containsKey(e.getKey()) ? before.get(e.getKey()).ticks() : 0)))
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(n)
                .forEach(e -> System.out.printf(Locale.ROOT, "    %-40s %6.2f s%n", e.getKey(), e.getValue() / 100.0));
    }
}
