package dev.forumkit.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Serves {@link Metrics} as {@code GET /metrics}: on the server's port (a Javalin route) or on a port of its own (the
 * JDK's small HTTP server, so that a firewall can keep scrapers and visitors apart). With a token, a scrape without
 * {@code Authorization: Bearer <token>} gets 401; the comparison takes the same time however much of it matches.
 */
final class MetricsEndpoint implements AutoCloseable {
    private final Metrics metrics;
    private final MetricsSettings settings;
    private HttpServer own;

    MetricsEndpoint(Metrics metrics, MetricsSettings settings) {
        this.metrics = metrics;
        this.settings = settings;
    }

    Metrics metrics() {
        return metrics;
    }

    boolean allowed(String authorization) {
        if (settings.token() == null) {
            return true;
        }
        byte[] expected = ("Bearer " + settings.token()).getBytes(StandardCharsets.UTF_8);
        byte[] given = (authorization == null ? "" : authorization).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, given);
    }

    /** The Javalin route, on the server's own port. */
    void handle(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        if (!allowed(ctx.header("Authorization"))) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"metrics\"");
            ctx.status(401).result("a metrics token is needed\n");
            return;
        }
        ctx.contentType(metrics.contentType()).result(metrics.scrape());
    }

    /** Starts the port of its own (when the settings name one); answers that port. */
    int start(String host) throws IOException {
        own = HttpServer.create(new InetSocketAddress(host, settings.port()), 16);
        own.createContext("/metrics", this::exchange);
        own.createContext("/", e -> answer(e, 404, "text/plain; charset=utf-8", "only /metrics here\n"));
        own.start();
        return own.getAddress().getPort();
    }

    private void exchange(HttpExchange e) throws IOException {
        if (!e.getRequestURI().getPath().equals("/metrics") || !e.getRequestMethod().equals("GET")) {
            answer(e, 404, "text/plain; charset=utf-8", "only GET /metrics here\n");
        } else if (!allowed(e.getRequestHeaders().getFirst("Authorization"))) {
            e.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"metrics\"");
            answer(e, 401, "text/plain; charset=utf-8", "a metrics token is needed\n");
        } else {
            answer(e, 200, metrics.contentType(), metrics.scrape());
        }
    }

    private static void answer(HttpExchange e, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        e.getResponseHeaders().add("Content-Type", type);
        e.getResponseHeaders().add("Cache-Control", "no-store");
        e.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = e.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        if (own != null) {
            own.stop(0);
        }
        metrics.close();
    }
}
