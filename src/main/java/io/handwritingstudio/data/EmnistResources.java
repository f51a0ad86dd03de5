package io.handwritingstudio.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The official EMNIST mapping files and checksums, copied verbatim into {@code resources/datasets/emnist/} so class
 * names and checksums come from NIST's data rather than from hand-typed tables.
 */
public final class EmnistResources {
    private static final String DIR = "/datasets/emnist/";

    private EmnistResources() {}

    /**
     * Class names of an EMNIST split from {@code emnist-<split>-mapping.txt}: lines {@code <label> <ascii>} or,
     * for letters, {@code <label> <upper> <lower>} (the first code names the class). Class index = label - min label.
     */
    public static ClassNames classNames(String split) {
        TreeMap<Integer, String> byLabel = new TreeMap<>();
        for (String line : lines("emnist-" + split + "-mapping.txt")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length < 2) continue;
            byLabel.put(Integer.parseInt(parts[0]), Character.toString(Integer.parseInt(parts[1])));
        }
        int first = byLabel.firstKey();
        if (byLabel.lastKey() - first + 1 != byLabel.size()) {
            throw new IllegalStateException("mapping for " + split + " has gaps in its labels");
        }
        return new ClassNames(new ArrayList<>(byLabel.values()));
    }

    /** Lowest label in the split's mapping file (1 for letters, 0 otherwise): the label offset. */
    public static int firstLabel(String split) {
        String first = lines("emnist-" + split + "-mapping.txt").get(0).trim();
        return Integer.parseInt(first.split("\\s+")[0]);
    }

    /** Official SHA-256 of each NIST {@code gzip.zip} member (.gz file name → hex), from OFFICIAL-CHECKSUMS.txt. */
    public static Map<String, String> officialSha256() {
        Map<String, String> sums = new HashMap<>();
        for (String line : lines("OFFICIAL-CHECKSUMS.txt")) {
            String[] parts = line.trim().split("\\s+");
            // the file also lists 40-hex git blob ids of uncompressed files; keep only the 64-hex SHA-256 rows
            if (parts.length == 3 && parts[0].matches("[0-9a-f]{64}") && parts[2].endsWith(".gz")) {
                sums.put(parts[2], parts[0]);
            }
        }
        return sums;
    }

    private static List<String> lines(String resource) {
        try (InputStream in = EmnistResources.class.getResourceAsStream(DIR + resource)) {
            if (in == null) throw new IllegalStateException("missing classpath resource " + DIR + resource);
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
