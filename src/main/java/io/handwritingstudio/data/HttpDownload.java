package io.handwritingstudio.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Plain HTTP(S) GET to a file with progress; redirects followed. A server that never answers, or stops sending, is
 * given up on (10 s to connect, 30 s to answer, 30 s of silence mid-file), one that sends more than
 * {@code maxBytes} is cut off, and a cancel from the listener stops a stalled read at once.
 */
final class HttpDownload {
    static final Duration IDLE = Duration.ofSeconds(30);
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    private static final java.util.concurrent.ScheduledExecutorService WATCHDOG =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "download-watchdog");
                t.setDaemon(true);
                return t;
            });

    private HttpDownload() {}

    static void get(String url, Path target, String label, DownloadListener listener, long maxBytes) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("User-Agent", "handwriting-studio")
                .timeout(IDLE).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while connecting to " + url, e);
        } catch (IOException e) {
            // connection-level failure (DNS, refused, timeout): retrying this host for the next file would only waste time
            throw new SourceUnreachableException("unreachable: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        } catch (IllegalArgumentException e) {
            throw new IOException("bad URL " + url + ": " + e.getMessage(), e);
        }
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) throw new IOException("HTTP " + response.statusCode() + " for " + url);
            long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (total > maxBytes) throw new IOException(url + " is " + total + " bytes, more than this file can be (" + maxBytes + ")");
            listener.onProgress(label, 0, total);
            long done = copy(in, target, label, total, listener, maxBytes, url);
            listener.onProgress(label, done, total);
            if (total >= 0 && done != total) throw new IOException("connection closed after " + done + " of " + total + " bytes");
        }
    }

    /** Reads {@code in} to {@code target} while a watchdog closes it on silence or cancel (a blocked read has no timeout). */
    private static long copy(InputStream in, Path target, String label, long total, DownloadListener listener, long maxBytes,
                             String url) throws IOException {
        java.util.concurrent.atomic.AtomicLong lastBytesAt = new java.util.concurrent.atomic.AtomicLong(System.nanoTime());
        java.util.concurrent.atomic.AtomicReference<String> closedBecause = new java.util.concurrent.atomic.AtomicReference<>();
        var watch = WATCHDOG.scheduleWithFixedDelay(() -> {
            String why = listener.isCancelled() ? "cancelled"
                    : System.nanoTime() - lastBytesAt.get() > IDLE.toNanos() ? "silent for " + IDLE.toSeconds() + " s" : null;
            if (why != null && closedBecause.compareAndSet(null, why)) {
                try {
                    in.close(); // unblocks the read below
                } catch (IOException ignored) { // the read fails either way
                }
            }
        }, 250, 250, java.util.concurrent.TimeUnit.MILLISECONDS);
        long done = 0, lastReport = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                lastBytesAt.set(System.nanoTime());
                done += n;
                if (done > maxBytes) throw new IOException(url + " sent more than " + maxBytes + " bytes; stopped");
                out.write(buf, 0, n);
                if (done - lastReport >= (1 << 20)) {
                    listener.onProgress(label, done, total);
                    lastReport = done;
                }
            }
        } catch (IOException e) {
            throw stopped(closedBecause.get(), url, e);
        } finally {
            watch.cancel(false);
        }
        if (closedBecause.get() != null) throw stopped(closedBecause.get(), url, null);
        return done;
    }

    private static IOException stopped(String why, String url, IOException e) {
        if ("cancelled".equals(why)) throw new java.util.concurrent.CancellationException("download of " + url + " cancelled");
        return why == null ? e : new IOException(url + " was " + why + "; gave up", e);
    }
}
