package io.handwritingstudio.data;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A mirror that stalls or never stops sending: the download gives up instead of hanging or filling the disk. */
class HttpDownloadTest {
    @TempDir
    Path dir;
    private HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) server.stop(0);
    }

    private String serve(boolean endless) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked: no length announced
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] chunk = new byte[64 << 10];
                out.write(chunk);
                out.flush();
                if (endless) {
                    while (true) out.write(chunk);
                }
                release.await(); // stalls mid-file
            } catch (IOException | InterruptedException e) { // the client gave up
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/file";
    }

    @Test
    void aCancelStopsAStalledReadAtOnce() throws Exception {
        String url = serve(false);
        long start = System.nanoTime();
        DownloadListener giveUp = new DownloadListener() {
            @Override public void onProgress(String file, long bytes, long total) { }
            @Override public void onMessage(String message) { }
            @Override public boolean isCancelled() { return System.nanoTime() - start > 500_000_000L; }
        };
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(CancellationException.class,
                () -> HttpDownload.get(url, dir.resolve("file"), "file", giveUp, 1 << 30)));
    }

    @Test
    void aMirrorThatNeverStopsIsCutOffAtTheFilesLimit() throws Exception {
        String url = serve(true);
        IOException e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(IOException.class,
                () -> HttpDownload.get(url, dir.resolve("file"), "file", DownloadListener.SILENT, 4 << 20)));
        assertTrue(e.getMessage().contains("sent more than 4194304 bytes"), e.getMessage());
        assertTrue(java.nio.file.Files.size(dir.resolve("file")) <= 4 << 20, "nothing past the limit is written");
    }
}
