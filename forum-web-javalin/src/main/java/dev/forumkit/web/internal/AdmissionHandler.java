package dev.forumkit.web.internal;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Jetty handler in front of the forum that applies {@link Admission}: a request to a forum path holds a slot
 * until its response is complete (also when it was finished asynchronously); a refused one gets 503 with
 * {@code Retry-After} at once, as JSON ({@code {"errors":[{"code":"busy",...}]}}) or, for a browser asking for a
 * page, as a small HTML page. Paths outside the forum's base path and the exempt ones (a health check) pass freely.
 */
public final class AdmissionHandler extends Handler.Wrapper {
    private static final Logger LOG = LoggerFactory.getLogger(AdmissionHandler.class);
    private static final long LOG_EVERY_NANOS = 10_000_000_000L;
    private static final byte[] JSON = ("{\"errors\":[{\"code\":\"busy\",\"message\":\"the server is busy; try again shortly\","
            + "\"field\":null}]}").getBytes(StandardCharsets.UTF_8);
    private static final byte[] HTML = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Back in a moment</title>"
            + "</head><body><h1>Back in a moment</h1><p>The forum is very busy right now. Please try again in a few seconds.</p>"
            + "</body></html>").getBytes(StandardCharsets.UTF_8);
    static final String RETRY_AFTER_SECONDS = "2";

    private final Admission admission;
    private final String basePath;
    private final String apiPrefix;
    private final Set<String> exempt;
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong lastLog = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

    public AdmissionHandler(Admission admission, String basePath, String apiPrefix, Set<String> exempt) {
        this.admission = admission;
        this.basePath = basePath;
        this.apiPrefix = apiPrefix;
        this.exempt = Set.copyOf(exempt);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = request.getHttpURI().getPath();
        if (path == null || !limited(path)) {
            return super.handle(request, response, callback);
        }
        if (stream(path)) {
            // an event stream stays open for minutes: it holds no slot, but a busy node takes no new ones
            if (admission.busy()) {
                refuse(request, response, callback, path);
                return true;
            }
            return super.handle(request, response, callback);
        }
        if (!admission.enter()) {
            refuse(request, response, callback, path);
            return true;
        }
        AtomicBoolean left = new AtomicBoolean();
        Runnable leave = () -> {
            if (left.compareAndSet(false, true)) {
                admission.leave();
            }
        };
        boolean handled = false;
        try {
            handled = super.handle(request, response, new Callback.Nested(callback) {
                @Override
                public void succeeded() {
                    leave.run();
                    super.succeeded();
                }

                @Override
                public void failed(Throwable x) {
                    leave.run();
                    super.failed(x);
                }
            });
            return handled;
        } finally {
            if (!handled) {
                leave.run(); // not handled (or thrown): the callback will not be completed through us
            }
        }
    }

    /** Requests refused since the start. */
    public long refused() {
        return refused.get();
    }

    /** The live-update streams (see LiveRoutes): long-lived, so outside the slots. */
    boolean stream(String path) {
        return path.startsWith(apiPrefix + "/") && path.endsWith("/live");
    }

    boolean limited(String path) {
        if (exempt.contains(path)) {
            return false;
        }
        return basePath.isEmpty() || path.equals(basePath) || path.startsWith(basePath + "/");
    }

    private void refuse(Request request, Response response, Callback callback, String path) {
        long n = refused.incrementAndGet();
        long now = System.nanoTime();
        long last = lastLog.get();
        if (now - last >= LOG_EVERY_NANOS && lastLog.compareAndSet(last, now)) {
            LOG.warn("overloaded: refused {} with 503 ({} refused so far; {} in flight, {} waiting)", path, n,
                    admission.inFlight(), admission.waiting());
        }
        String accept = request.getHeaders().get(HttpHeader.ACCEPT);
        boolean page = !path.startsWith(apiPrefix) && accept != null && accept.contains("text/html");
        response.setStatus(503);
        response.getHeaders().put(HttpHeader.RETRY_AFTER, RETRY_AFTER_SECONDS);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        if (request.getLength() != 0) {
            // the body is not read: close the connection rather than let the client reuse one with its body unread
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, page ? "text/html; charset=utf-8" : "application/json");
        response.write(true, ByteBuffer.wrap(page ? HTML : JSON), callback);
    }
}
