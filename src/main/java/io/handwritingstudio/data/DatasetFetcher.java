package io.handwritingstudio.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Makes dataset files available on disk, verified. What "verified" means:
 * <ul>
 * <li>a fetched file is hashed before it is renamed into the cache, so the cache never holds one that failed;</li>
 * <li>{@link #fetchAll} (the {@code fetch} command) hashes every cached file again, whatever its stamp says;</li>
 * <li>every load hashes the content again in the same pass that reads it ({@link IdxReader}), so a file changed
 *     behind our back (same size and mtime included) is caught before it is used;</li>
 * <li>the stamp beside a file (size, mtime, SHA-256) only makes {@link #isCached} cheap: it is never trusted alone.</li>
 * </ul>
 */
public final class DatasetFetcher {
    private static final String STAMP = ".sha256-ok";

    private final Path cacheDir;
    private final boolean allowExternalTools;

    /** @param allowExternalTools whether sources that run programs (npm) may be used; tests pass false */
    public DatasetFetcher(Path cacheDir, boolean allowExternalTools) {
        this.cacheDir = cacheDir.toAbsolutePath().normalize();
        this.allowExternalTools = allowExternalTools;
    }

    /** Cache from {@code hws.cache.dir} / {@code HWS_CACHE_DIR} / {@code ~/.cache/handwriting-studio}; npm off with {@code -Dhws.npm=false}. */
    public static DatasetFetcher createDefault() {
        return new DatasetFetcher(defaultCacheDir(), !"false".equalsIgnoreCase(System.getProperty("hws.npm")));
    }

    public static Path defaultCacheDir() {
        String prop = System.getProperty("hws.cache.dir");
        if (prop != null && !prop.isBlank()) return Path.of(prop);
        String env = System.getenv("HWS_CACHE_DIR");
        if (env != null && !env.isBlank()) return Path.of(env);
        return Path.of(System.getProperty("user.home"), ".cache", "handwriting-studio");
    }

    public Path cacheDir() {
        return cacheDir;
    }

    /** Where the file is (or will be) on disk. */
    public Path location(DatasetSpec spec, DatasetFile file) {
        return spec.isLocal() ? spec.localFolder().resolve(file.fileName()) : specDir(spec).resolve(file.fileName());
    }

    /** Cheap check (no hashing): every file present and, where a checksum exists, stamped as verified. */
    public boolean isCached(DatasetSpec spec) {
        for (DatasetFile f : spec.files()) {
            Path p = location(spec, f);
            if (!Files.isRegularFile(p)) return false;
            if (f.verifiable() && !Checksums.stampValid(stampFor(spec, f), p, f.sha256())) return false;
        }
        return true;
    }

    /** Ensures all four files, hashing cached ones again, then lets sources delete intermediate archives. */
    public void fetchAll(DatasetSpec spec, DownloadListener listener) throws IOException {
        Set<FileSource> unreachable = new HashSet<>();
        for (DatasetFile f : spec.files()) ensure(spec, f, listener, unreachable, false);
        for (FileSource s : spec.sources()) s.cleanup(workDir());
    }

    /**
     * The file's path, fetching it if it is missing or its stamp does not match; the caller reads it with its
     * checksum ({@link IdxReader}), which is where a stamped file is verified again.
     */
    public Path ensure(DatasetSpec spec, DatasetFile file, DownloadListener listener) throws IOException {
        return ensure(spec, file, listener, new HashSet<>(), true);
    }

    /** Forgets a cached file that failed verification, so the next {@link #ensure} fetches it again. */
    public void discard(DatasetSpec spec, DatasetFile file) throws IOException {
        if (spec.isLocal()) return;
        Files.deleteIfExists(location(spec, file));
        Files.deleteIfExists(stampFor(spec, file));
    }

    private Path ensure(DatasetSpec spec, DatasetFile file, DownloadListener listener, Set<FileSource> unreachable,
                        boolean trustStamp) throws IOException {
        Path target = location(spec, file);
        if (spec.isLocal()) {
            if (!Files.isDirectory(spec.localFolder())) {
                throw new IOException(spec.name() + ": dataset folder not found: " + spec.localFolder());
            }
            if (!Files.isRegularFile(target)) {
                throw new IOException(spec.name() + ": " + target + ": " + io.handwritingstudio.files.SafeFiles.whatItIs(target));
            }
            if (!verified(spec, file, target, listener, trustStamp)) {
                throw new IOException(spec.name() + ": " + target + " does not match its published SHA-256 " + file.sha256());
            }
            return target;
        }
        if (Files.isRegularFile(target)) {
            if (verified(spec, file, target, listener, trustStamp)) return target;
            listener.onMessage("cached " + file.fileName() + " is corrupt (SHA-256 mismatch): deleting and fetching it again");
            Files.deleteIfExists(target);
            Files.deleteIfExists(stampFor(spec, file));
        }
        return download(spec, file, target, listener, unreachable);
    }

    private Path download(DatasetSpec spec, DatasetFile file, Path target, DownloadListener listener,
                          Set<FileSource> unreachable) throws IOException {
        Files.createDirectories(target.getParent());
        Files.createDirectories(workDir());
        List<String> failures = new ArrayList<>();
        for (FileSource source : spec.sources()) {
            if (source.external() && !allowExternalTools) {
                failures.add(source.describe() + ": skipped (external tools disabled)");
                continue;
            }
            if (unreachable.contains(source)) {
                failures.add(source.describe() + ": skipped (unreachable for an earlier file)");
                continue;
            }
            Path tmp = Files.createTempFile(target.getParent(), "." + file.fileName(), ".part");
            try {
                listener.onMessage("fetching " + file.fileName() + " from " + source.describe());
                source.fetch(file, tmp, workDir(), listener);
                String problem = check(file, tmp);
                if (problem != null) {
                    failures.add(source.describe() + ": " + problem);
                    listener.onMessage(file.fileName() + " from " + source.describe() + ": " + problem);
                    continue;
                }
                io.handwritingstudio.files.AtomicFiles.moveIntoPlace(tmp, target);
                if (file.verifiable()) writeStampQuietly(stampFor(spec, file), target, file.sha256(), listener);
                else listener.onMessage(file.fileName() + ": no published checksum, structure checked but content unverified");
                return target;
            } catch (IOException e) {
                if (e instanceof SourceUnreachableException) unreachable.add(source);
                failures.add(source.describe() + ": " + reason(e));
                listener.onMessage(file.fileName() + " from " + source.describe() + " failed: " + reason(e));
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        // one line, every reason in it: the CLI shows only the first line of an error
        throw new IOException("could not fetch " + file.fileName() + " of dataset " + spec.name() + ": "
                + (failures.isEmpty() ? "no sources configured" : String.join("; ", failures)));
    }

    /** File-system exceptions carry only a path as message; keep their type so the reason reads sensibly. */
    private static String reason(IOException e) {
        return e instanceof java.nio.file.FileSystemException || e.getMessage() == null
                ? e.getClass().getSimpleName() + ": " + e.getMessage() : e.getMessage();
    }

    /** Null when the downloaded file is good, else why not. */
    private static String check(DatasetFile file, Path tmp) throws IOException {
        if (!file.verifiable()) {
            try {
                IdxReader.validate(tmp);
                return null;
            } catch (IdxFormatException e) {
                return "not a valid IDX file: " + e.getMessage();
            }
        }
        String actual = Checksums.sha256(tmp, file.ofContent());
        return actual.equals(file.sha256()) ? null
                : "checksum mismatch for " + file.fileName() + ": expected SHA-256 " + file.sha256() + " but got " + actual;
    }

    private boolean verified(DatasetSpec spec, DatasetFile file, Path path, DownloadListener listener, boolean trustStamp)
            throws IOException {
        if (!file.verifiable()) return true;
        Path stamp = stampFor(spec, file);
        if (trustStamp && Checksums.stampValid(stamp, path, file.sha256())) return true;
        listener.onMessage("verifying SHA-256 of " + file.fileName());
        if (!Checksums.sha256(path, file.ofContent()).equals(file.sha256())) return false;
        writeStampQuietly(stamp, path, file.sha256(), listener);
        return true;
    }

    /** A stamp is an optimisation: failing to write one (read-only cache) only costs a re-hash next time. */
    private static void writeStampQuietly(Path stamp, Path file, String sha, DownloadListener listener) {
        try {
            Checksums.writeStamp(stamp, file, sha);
        } catch (IOException e) {
            listener.onMessage("could not write " + stamp + ": " + e.getMessage());
        }
    }

    /** Next to cached files; for local (read-only, shared) folders under the cache instead. */
    private Path stampFor(DatasetSpec spec, DatasetFile file) {
        if (!spec.isLocal()) return specDir(spec).resolve(file.fileName() + STAMP);
        return cacheDir.resolve("verified").resolve(safe(spec.localFolder().toString())).resolve(file.fileName() + STAMP);
    }

    private Path specDir(DatasetSpec spec) {
        return cacheDir.resolve(safe(spec.name()));
    }

    private Path workDir() {
        return cacheDir.resolve(".downloads");
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
