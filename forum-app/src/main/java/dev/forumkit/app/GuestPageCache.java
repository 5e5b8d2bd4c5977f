package dev.forumkit.app;

import dev.forumkit.core.signal.Signal;
import dev.forumkit.core.signal.SignalListener;
import dev.forumkit.core.signal.Signals;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Serves repeated guest views of thread pages (JSON and HTML) from memory. Every write empties it at once: each
 * forum event and each successful state-changing request moves a generation counter, and an entry is served only
 * while the generation it was read under is current, so no page made before a write is shown after it. A request
 * carrying the session cookie is never served from here nor stored. With several nodes on one PostgreSQL another
 * node's writes reach it as forum events within about a second (the outbox is woken by the signal bus); while the bus
 * is not listening nothing is served or stored here, and when it may have missed signals it empties the cache, so a
 * node cut off from the others serves fresh pages (slower) rather than stale ones. Views served from here are not
 * counted in the thread's view counter.
 */
final class GuestPageCache {
    private static final Pattern CACHEABLE = Pattern.compile("/api/v1/threads/\\d+|/threads/[^/]*\\.\\d+/(page-\\d+)?");
    private static final String GENERATION = "forumkit.guestCache.generation";
    private final String sessionCookie;
    private final Signals signals;
    private final long maxBytes;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong evicted = new AtomicLong();
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;

    private record Entry(long generation, byte[] body, List<String[]> headers) {
    }

    GuestPageCache(String sessionCookie, long maxBytes, Signals signals) {
        this.sessionCookie = sessionCookie;
        this.maxBytes = maxBytes;
        this.signals = signals;
        signals.listen(new SignalListener() {
            @Override
            public void on(Signal signal) {
                // the writes themselves arrive as forum events, through the outbox this signal wakes
            }

            @Override
            public void missed() {
                invalidate();
            }
        });
    }

    /** Every write: nothing stored so far is served again. */
    void invalidate() {
        generation.incrementAndGet();
        synchronized (entries) {
            entries.clear();
            bytes = 0;
        }
    }

    void before(Context ctx) {
        if (ctx.method() != HandlerType.GET || ctx.cookie(sessionCookie) != null || !CACHEABLE.matcher(ctx.path()).matches()
                || !signals.live()) {
            return;
        }
        long current = generation.get();
        Entry hit;
        synchronized (entries) {
            hit = entries.get(key(ctx));
        }
        if (hit != null && hit.generation() == current) {
            hits.incrementAndGet();
            for (String[] h : hit.headers()) {
                ctx.header(h[0], h[1]);
            }
            ctx.header("X-Forum-Cache", "hit");
            ctx.result(hit.body());
            ctx.skipRemainingHandlers();
            return;
        }
        misses.incrementAndGet();
        // a page kept here is read from the primary: a lagging replica's copy would be served until the next write
        dev.forumkit.core.storage.ReplicaReads.allow(false);
        ctx.attribute(GENERATION, current); // read before the page: a write meanwhile makes the entry stale
    }

    /** Cacheable guest requests answered from here, and those that were not (for the hit ratio in metrics). */
    long hits() {
        return hits.get();
    }

    long misses() {
        return misses.get();
    }

    /** Counters and size for the benchmark ({@code /bench/guest-cache}): hits misses stored evicted entries bytes. */
    String stats() {
        synchronized (entries) {
            return hits.get() + " " + misses.get() + " " + stored.get() + " " + evicted.get() + " " + entries.size() + " " + bytes;
        }
    }

    void after(Context ctx) {
        if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD && ctx.statusCode() < 400) {
            invalidate();
            return;
        }
        Long readUnder = ctx.attribute(GENERATION);
        if (readUnder == null || ctx.statusCode() != 200 || ctx.res().getHeader("Set-Cookie") != null) {
            return;
        }
        byte[] body;
        try (InputStream in = ctx.resultInputStream()) {
            if (in == null) {
                return;
            }
            body = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.result(body);
        List<String[]> headers = new ArrayList<>();
        for (String name : ctx.res().getHeaderNames()) {
            if (!name.equalsIgnoreCase("Date") && !name.equalsIgnoreCase("Content-Length")) {
                headers.add(new String[] {name, ctx.res().getHeader(name)});
            }
        }
        if (ctx.res().getContentType() != null) {
            headers.add(new String[] {"Content-Type", ctx.res().getContentType()});
        }
        synchronized (entries) {
            if (readUnder != generation.get() || body.length > maxBytes / 8 || !signals.live()) {
                return;
            }
            Entry old = entries.put(key(ctx), new Entry(readUnder, body, headers));
            bytes += body.length - (old == null ? 0 : old.body().length);
            stored.incrementAndGet();
            var oldest = entries.entrySet().iterator();
            while (bytes > maxBytes && oldest.hasNext()) {
                bytes -= oldest.next().getValue().body().length;
                oldest.remove();
                evicted.incrementAndGet();
            }
        }
    }

    /** The address and, as a guest's page speaks the language their browser asks for, that language. */
    private static String key(Context ctx) {
        String q = ctx.queryString();
        java.util.Locale lang = dev.forumkit.web.internal.html.Languages.fromHeader(ctx.header("Accept-Language"));
        return (q == null ? ctx.path() : ctx.path() + "?" + q) + "#" + (lang == null ? "" : lang.getLanguage());
    }
}
