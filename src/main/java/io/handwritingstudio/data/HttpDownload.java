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

/** Plain HTTP(S) GET to a file with progress; redirects followed, 10 s connect timeout. */
final class HttpDownload {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    private HttpDownload() {}

    static void get(String url, Path target, String label, DownloadListener listener) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("User-Agent", "handwriting-studio").GET().build();
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
            long done = 0, lastReport = 0;
            listener.onProgress(label, 0, total);
            try (OutputStream out = Files.newOutputStream(target)) {
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0; ) {
                    out.write(buf, 0, n);
                    done += n;
                    if (done - lastReport >= (1 << 20)) {
                        listener.onProgress(label, done, total);
                        lastReport = done;
                    }
                }
            }
            listener.onProgress(label, done, total);
            if (total >= 0 && done != total) throw new IOException("connection closed after " + done + " of " + total + " bytes");
        }
    }
}
