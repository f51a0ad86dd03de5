package io.handwritingstudio.data;

import io.handwritingstudio.files.SafeFiles;
import io.handwritingstudio.files.UserFileException;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Strict IDX reader (raw or gzip). Any mismatch between header and content is an {@link IdxFormatException}:
 * a silently partial dataset would train a model on garbage without anyone noticing.
 * <p>
 * Hostile files are cheap to make (a 500-byte header claiming two billion labels, a 2 MB .gz that inflates to 2 GB),
 * so nothing is allocated on the header's word: a raw file's size must match its header before reading, a gzip
 * file's content is buffered as it actually arrives, and no file may hold more than {@link #MAX_CONTENT_BYTES}.
 * <p>
 * Given an expected SHA-256, the reader checks it in the same pass that reads the data, so a cached file that
 * changed since it was verified is caught on every load for the cost of hashing bytes already in hand.
 */
public final class IdxReader {
    public static final int IMAGES_MAGIC = 2051;
    public static final int LABELS_MAGIC = 2049;
    /** Larger than any dataset the catalogue knows (EMNIST Letters train: 98 MB), far below the memory we have. */
    public static final long MAX_CONTENT_BYTES = 256L << 20;
    /** Seven times EMNIST ByClass (697,932): labels become an int each, and no image file could pair with more. */
    public static final int MAX_LABELS = 5_000_000;
    /** Images larger than this are not handwritten characters. */
    static final int MAX_SIDE = 1024;

    private IdxReader() {}

    public static IdxImages readImages(Path file) throws IOException {
        return readImages(file, null);
    }

    public static int[] readLabels(Path file) throws IOException {
        return readLabels(file, null);
    }

    public static IdxImages readImages(Path file, DatasetFile expected) throws IOException {
        try (Content in = Content.open(file, expected)) {
            int[] dims = readHeader(file, in.stream, 3, "image");
            int count = dims[0], rows = dims[1], cols = dims[2];
            if (rows <= 0 || cols <= 0 || rows > MAX_SIDE || cols > MAX_SIDE) {
                throw new IdxFormatException(file, "bad image size " + rows + "x" + cols + " (1.." + MAX_SIDE + " pixels a side)");
            }
            long bytes = (long) count * rows * cols;
            byte[] pixels = readBody(file, in, 16, bytes, count + " images of " + rows + "x" + cols);
            in.finish();
            return new IdxImages(pixels, count, rows, cols);
        }
    }

    /** The raw label values as stored (0..255); range checks belong to the dataset, which knows its classes. */
    public static int[] readLabels(Path file, DatasetFile expected) throws IOException {
        try (Content in = Content.open(file, expected)) {
            int count = readHeader(file, in.stream, 1, "label")[0];
            if (count > MAX_LABELS) {
                throw new IdxFormatException(file, String.format(Locale.ROOT,
                        "header promises %,d labels, more than the limit of %,d", count, MAX_LABELS));
            }
            byte[] raw = readBody(file, in, 8, count, count + " labels");
            in.finish();
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) labels[i] = raw[i] & 0xFF;
            return labels;
        }
    }

    /** Reads a whole image or label file (by its header) just to prove it is well-formed. */
    public static void validate(Path file) throws IOException {
        int dims;
        try (Content in = Content.open(file, null)) {
            byte[] magic = in.stream.readNBytes(4);
            dims = magic.length == 4 ? magic[3] : -1;
        } catch (EOFException | ZipException e) {
            throw new IdxFormatException(file, "corrupt gzip data: " + e.getMessage(), e);
        }
        if (dims == 1) readLabels(file);
        else readImages(file);
    }

    /**
     * The data after the header: exactly {@code bytes} of it. A raw file's length is known up front; a gzip stream's
     * is not, so its buffer grows with what really arrives and a lying header runs out of data, not of memory.
     */
    private static byte[] readBody(Path file, Content in, int headerBytes, long bytes, String promise) throws IOException {
        if (bytes > MAX_CONTENT_BYTES) {
            throw new IdxFormatException(file, String.format(Locale.ROOT, "header promises %s (%,d bytes), more than the"
                    + " limit of %,d bytes for one dataset file", promise, bytes, MAX_CONTENT_BYTES));
        }
        if (!in.gzip) {
            long available = in.rawSize - headerBytes;
            if (available < bytes) {
                throw new IdxFormatException(file, String.format(Locale.ROOT,
                        "truncated: header promises %s (%,d bytes) but the file holds %,d", promise, bytes, Math.max(0, available)));
            }
        }
        byte[] data = new byte[(int) Math.min(bytes, in.gzip ? 1 << 20 : bytes)];
        int got = 0;
        try {
            while (got < bytes) {
                if (got == data.length) data = Arrays.copyOf(data, (int) Math.min(bytes, 2L * data.length));
                int n = in.stream.read(data, got, data.length - got);
                if (n < 0) break;
                got += n;
            }
        } catch (EOFException e) {
            // GZIPInputStream: "Unexpected end of ZLIB input stream": the .gz was cut short
        } catch (ZipException e) {
            throw new IdxFormatException(file, "corrupt gzip data after " + got + " bytes: " + e.getMessage(), e);
        }
        if (got < bytes) {
            throw new IdxFormatException(file, String.format(Locale.ROOT, "truncated: header promises %s (%,d bytes) but"
                    + " the %s ends after %,d", promise, bytes, in.gzip ? "compressed data" : "file", got));
        }
        return data;
    }

    /** Checks magic (0, 0, type 0x08 = u8, dimension count) and returns the dimension sizes. */
    private static int[] readHeader(Path file, InputStream in, int dimsExpected, String kind) throws IOException {
        byte[] magic = readExactly(file, in, 4, "truncated: no IDX header (file too short)");
        int expectedMagic = 0x0800 | dimsExpected;
        int actual = ((magic[0] & 0xFF) << 24) | ((magic[1] & 0xFF) << 16) | ((magic[2] & 0xFF) << 8) | (magic[3] & 0xFF);
        if (magic[0] != 0 || magic[1] != 0) {
            throw new IdxFormatException(file, "bad magic number " + actual + " (expected " + expectedMagic
                    + " for an IDX " + kind + " file)");
        }
        if (magic[2] != 0x08) {
            throw new IdxFormatException(file, String.format(Locale.ROOT, "unsupported IDX data type 0x%02x (only unsigned bytes, 0x08)", magic[2]));
        }
        if (magic[3] != dimsExpected) {
            throw new IdxFormatException(file, "wrong dimension count: magic " + actual + " has " + magic[3]
                    + " dimensions, an IDX " + kind + " file (magic " + expectedMagic + ") has " + dimsExpected);
        }
        byte[] header = readExactly(file, in, 4 * dimsExpected, "truncated: incomplete IDX header");
        int[] dims = new int[dimsExpected];
        for (int d = 0; d < dimsExpected; d++) {
            int o = 4 * d;
            dims[d] = ((header[o] & 0xFF) << 24) | ((header[o + 1] & 0xFF) << 16) | ((header[o + 2] & 0xFF) << 8) | (header[o + 3] & 0xFF);
            if (dims[d] < 0) throw new IdxFormatException(file, "negative dimension " + dims[d] + " in header");
        }
        return dims;
    }

    private static byte[] readExactly(Path file, InputStream in, int n, String problem) throws IOException {
        try {
            byte[] b = in.readNBytes(n);
            if (b.length < n) throw new IdxFormatException(file, problem);
            return b;
        } catch (EOFException e) {
            throw new IdxFormatException(file, problem);
        } catch (ZipException e) {
            throw new IdxFormatException(file, "corrupt gzip data: " + e.getMessage(), e);
        }
    }

    /** A file's content stream (gunzipped when it is gzip), hashing what the expected checksum covers. */
    private static final class Content implements AutoCloseable {
        final InputStream stream;
        final boolean gzip;
        final long rawSize;
        private final Path file;
        private final DatasetFile expected;
        private final MessageDigest digest;

        private Content(Path file, DatasetFile expected) throws IOException {
            SafeFiles.requireRegularFile(file);
            this.file = file;
            this.expected = expected != null && expected.verifiable() ? expected : null;
            this.digest = this.expected == null ? null : Checksums.newDigest();
            this.gzip = Gzip.isGzip(file);
            this.rawSize = Files.size(file);
            InputStream raw = Files.newInputStream(file);
            if (digest != null && !this.expected.ofContent()) raw = new DigestInputStream(raw, digest);
            InputStream content = gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
            if (digest != null && this.expected.ofContent()) content = new DigestInputStream(content, digest);
            this.stream = new BufferedInputStream(content, 1 << 16);
        }

        static Content open(Path file, DatasetFile expected) throws IOException {
            try {
                return new Content(file, expected);
            } catch (UserFileException e) {
                throw new IdxFormatException(file, e.getMessage().substring(e.getMessage().indexOf(": ") + 2), e);
            }
        }

        /** The rest must be empty; then the checksum, if one is expected, must match. */
        void finish() throws IOException {
            byte[] probe = new byte[4096];
            long extra = 0;
            // counted only so far: a small gzip can hide gigabytes after its data, and any extra byte already fails
            long enough = 1 << 20;
            try {
                for (int n; extra < enough && (n = stream.read(probe)) > 0; ) extra += n;
            } catch (EOFException | ZipException e) {
                // a damaged gzip trailer after all promised bytes still means the file is damaged
                throw new IdxFormatException(file, "corrupt gzip trailer: " + e.getMessage(), e);
            }
            if (extra > 0) throw new IdxFormatException(file, "trailing garbage: " + (extra >= enough ? "over 1 MB"
                    : extra + " bytes") + " after the data the header describes");
            if (digest == null) return;
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equals(expected.sha256())) throw new ChecksumMismatchException(file, expected.sha256(), actual);
        }

        @Override
        public void close() throws IOException {
            stream.close();
        }
    }
}
