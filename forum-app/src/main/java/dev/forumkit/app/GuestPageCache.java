package dev.forumkit.app;

import dev.forumkit.core.signal.Signal;
import dev.forumkit.core.signal.SignalListener;
import dev.forumkit.core.signal.Signals;
import dev.forumkit.web.internal.PageCaching;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Serves repeated guest views of thread pages (JSON and HTML) from memory. Every write empties it at once: each
 * forum event and each successful state-changing request moves a generation counter, and an entry is served only
 * while the generation it was read under is current, so no page made before a write is shown after it. A request
 * carrying the session cookie is never served from here nor stored. With several nodes on one PostgreSQL another
 * node's writes reach it as forum events within about a second (the outbox is woken by the signal bus); while the bus
 * is not listening nothing is served or stored here, and when it may have missed signals it empties the cache, so a
 * node cut off from the others serves fresh pages (slower) rather than stale ones. A page showing a banned author is
 * not stored ({@code PageCaching}): the ban ends with time, without a write. Views served from here are not counted in
 * the thread's view counter.
 *
 * <p>It holds up to {@code maxBytes} of gzip-compressed pages ({@link CachedPage}): a browser's hit is answered with
 * the stored bytes as they are. When it is full a new page goes in only if it was asked for more often lately than
 * the page it would push out ({@link PageStore}: Caffeine's W-TinyLFU), so a long tail of pages read once does not
 * push out the popular ones.
 */
final class GuestPageCache {
    private static final Pattern CACHEABLE = Pattern.compile("/api/v1/threads/\\d+|/threads/[^/]*\\.\\d+/(page-\\d+)?");
    private static final String GENERATION = "forumkit.guestCache.generation";
    private static final String KEY = "forumkit.guestCache.key";
    private final String sessionCookie;
    private final Signals signals;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final PageStore pages;

    /** Holds up to {@code maxBytes} of compressed pages. */
    GuestPageCache(String sessionCookie, long maxBytes, Signals signals) {
        this.sessionCookie = sessionCookie;
        this.signals = signals;
        this.pages = new PageStore(maxBytes);
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
        pages.clear();
    }

    void before(Context ctx) {
        if (ctx.method() != HandlerType.GET || !CACHEABLE.matcher(ctx.path()).matches() || ctx.cookie(sessionCookie) != null
                || !signals.live()) {
            return;
        }
        long current = generation.get();
        String key = key(ctx);
        CachedPage hit = pages.get(key);
        if (hit != null && hit.generation() == current) {
            hits.incrementAndGet();
            for (String[] h : hit.headers()) {
                ctx.header(h[0], h[1]);
            }
            ctx.header("X-Forum-Cache", "hit");
            if (acceptsGzip(ctx)) {
                ctx.header("Content-Encoding", "gzip"); // Javalin leaves a response alone that says it is encoded
                ctx.result(hit.gzip());
            } else {
                ctx.result(pages.identity(key, hit));
            }
            ctx.skipRemainingHandlers();
            return;
        }
        misses.incrementAndGet();
        // a page kept here is read from the primary: a lagging replica's copy would be served until the next write
        dev.forumkit.core.storage.ReplicaReads.allow(false);
        ctx.attribute(GENERATION, current); // read before the page: a write meanwhile makes the entry stale
        ctx.attribute(KEY, key);
    }

    /** Cacheable guest requests answered from here, and those that were not (for the hit ratio in metrics). */
    long hits() {
        return hits.get();
    }

    long misses() {
        return misses.get();
    }

    /**
     * Counters and size for the benchmark ({@code /bench/guest-cache}): hits, misses, pages stored, pages pushed out
     * or not let in (less popular than those they would push out), entries, bytes held.
     */
    String stats() {
        return hits.get() + " " + misses.get() + " " + pages.stats();
    }

    void after(Context ctx) {
        if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD && ctx.statusCode() < 400) {
            invalidate();
            return;
        }
        Long readUnder = ctx.attribute(GENERATION);
        if (readUnder == null || ctx.statusCode() != 200 || ctx.res().getHeader("Set-Cookie") != null
                || Boolean.TRUE.equals(ctx.attribute(PageCaching.DO_NOT_STORE))
                || ctx.res().getHeader("Content-Encoding") != null || readUnder != generation.get() || !signals.live()) {
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
        List<String[]> headers = new ArrayList<>();
        String vary = "Accept-Encoding"; // the same address answers gzip or not
        for (String name : ctx.res().getHeaderNames()) {
            if (name.equalsIgnoreCase("Vary")) {
                vary = (ctx.res().getHeader(name) + ", " + vary).intern(); // a few values: one instance each for all pages
            } else if (!name.equalsIgnoreCase("Date") && !name.equalsIgnoreCase("Content-Length")) {
                headers.add(new String[] {name, ctx.res().getHeader(name)});
            }
        }
        headers.add(new String[] {"Vary", vary});
        if (ctx.res().getContentType() != null) {
            headers.add(new String[] {"Content-Type", ctx.res().getContentType()});
        }
        CachedPage page = CachedPage.of(readUnder, body, headers.toArray(new String[0][]));
        ctx.header("Vary", vary);
        if (acceptsGzip(ctx)) { // compressed once: the same bytes serve this miss and every hit after it
            ctx.header("Content-Encoding", "gzip");
            ctx.result(page.gzip());
        } else {
            ctx.result(body);
        }
        pages.put(ctx.attribute(KEY), page, () -> readUnder == generation.get() && signals.live());
    }

    /** Whether the client takes a gzip body ({@code Accept-Encoding: gzip}, not with {@code q=0}). */
    private static boolean acceptsGzip(Context ctx) {
        String accept = ctx.header("Accept-Encoding");
        if (accept == null) {
            return false;
        }
        for (String part : accept.split(",")) {
            String[] coding = part.trim().split(";");
            if (coding[0].trim().equalsIgnoreCase("gzip")) {
                return coding.length < 2 || !coding[1].replace(" ", "").toLowerCase(Locale.ROOT).matches("q=0(\\.0*)?");
            }
        }
        return false;
    }

    /** The address and, as a guest's page speaks the language their browser asks for, that language. */
    private static String key(Context ctx) {
        String q = ctx.queryString();
        java.util.Locale lang = dev.forumkit.web.internal.html.Languages.fromHeader(ctx.header("Accept-Language"));
        return (q == null ? ctx.path() : ctx.path() + "?" + q) + "#" + (lang == null ? "" : lang.getLanguage());
    }
}
