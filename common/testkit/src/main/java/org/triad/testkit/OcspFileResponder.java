package org.triad.testkit;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves the OCSP answers {@link TestPki} wrote ({@code <dir>/ocsp/<name>.der}) on
 * {@code http://127.0.0.1:<port>/ocsp/<name>}, for GET (the request appended to the path, as the JDK sends small
 * ones) and POST alike. JDK only. Counts the requests.
 */
public final class OcspFileResponder implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    public OcspFileResponder(Path dir, int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10);
        server.createContext("/ocsp/", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            String name = exchange.getRequestURI().getPath().substring("/ocsp/".length()).split("/")[0];
            Path answer = dir.resolve("ocsp").resolve(name + ".der");
            if (name.contains("..") || !Files.isRegularFile(answer)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            byte[] der = Files.readAllBytes(answer);
            exchange.getResponseHeaders().set("Content-Type", "application/ocsp-response");
            exchange.sendResponseHeaders(200, der.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(der);
            }
        });
        server.start();
    }

    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
