import com.sun.net.httpserver.HttpServer;

import java.io.OutputStream;
import java.net.InetSocketAddress;

/**
 * An HTTP proxy that answers every GET with 10 MB of zeros at 200 KB/s, for screenshots of a download under way
 * (the studio's http mirror through -Dhttp.proxyHost=127.0.0.1 -Dhttp.proxyPort=PORT). Usage: java docs/SlowMirror.java PORT
 */
public class SlowMirror {
    public static void main(String[] args) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 0);
        server.createContext("/", exchange -> {
            int total = 10_000_000;
            exchange.sendResponseHeaders(200, total);
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] chunk = new byte[20_000];
                for (int sent = 0; sent < total; sent += chunk.length) {
                    out.write(chunk);
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }
}
