package io.handwritingstudio.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;

/**
 * Upper or lower case of each image of the bundled letters' test split. Its labels merge the cases; the
 * original EMNIST Balanced labels shipped beside them (resources/datasets/letters/README.md) keep the case apart
 * for the 11 letters a b d e f g h n q r t only: for the other 15 one class holds both cases.
 */
public final class LetterCases {
    public enum Case { UPPER, LOWER, BOTH }

    /** Letters whose lower case EMNIST Balanced keeps apart. */
    public static final String SPLIT_LETTERS = "ABDEFGHNQRT";
    static final String RESOURCE = "/datasets/letters/letters-test-balanced-labels-idx1-ubyte.gz";

    private LetterCases() {
    }

    /** The case of every test image, in the test split's order. */
    public static Case[] testSplit() throws IOException {
        int[] balanced = balancedLabels();
        Case[] cases = new Case[balanced.length];
        for (int i = 0; i < balanced.length; i++) cases[i] = caseOf(balanced[i]);
        return cases;
    }

    /** Balanced labels 10..35 are A..Z (upper case, or both where Balanced merges them); 36..46 are a b d e f g h n q r t. */
    static Case caseOf(int balancedLabel) {
        if (balancedLabel >= 36 && balancedLabel <= 46) return Case.LOWER;
        if (balancedLabel < 10 || balancedLabel > 35) throw new IllegalArgumentException("not a letter label: " + balancedLabel);
        return SPLIT_LETTERS.indexOf((char) ('A' + balancedLabel - 10)) >= 0 ? Case.UPPER : Case.BOTH;
    }

    /** The raw Balanced labels (an IDX label file, gzip'd). */
    static int[] balancedLabels() throws IOException {
        try (InputStream raw = LetterCases.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) throw new IOException("missing from this installation (" + RESOURCE + ")");
            ByteBuffer b = ByteBuffer.wrap(new GZIPInputStream(raw).readAllBytes());
            if (b.remaining() < 8 || b.getInt() != IdxReader.LABELS_MAGIC) throw new IOException(RESOURCE + " is not an IDX label file");
            int count = b.getInt();
            if (count != b.remaining()) throw new IOException(RESOURCE + " promises " + count + " labels, holds " + b.remaining());
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) labels[i] = b.get() & 0xFF;
            return labels;
        }
    }
}
