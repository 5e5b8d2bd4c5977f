package dev.forumkit.app;

import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.event.ForumEvent;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.signal.Signal;
import dev.forumkit.core.signal.SignalListener;
import dev.forumkit.core.signal.Signals;
import dev.forumkit.web.internal.PageCaching;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Serves repeated guest views of thread pages (JSON and HTML) from memory. A page is dropped by a write that may
 * change it, and only by such a write: each stored page names what it shows ({@link PageCaching#DEPENDS_ON}: its
 * thread and the members whose author cards it shows), each forum event is mapped to the threads and members it
 * changes ({@link #affected}; a kind not listed there empties the whole cache), and a successful state-changing
 * request empties the whole cache unless its handler named what it changed ({@link PageCaching#CHANGED}), in which
 * case exactly those pages are dropped before its response goes out (its events drop them again later, harmlessly).
 *
 * <p>No page read before a write is served after it: every invalidation takes the next number of one sequence and
 * records it as the last drop of each thread and member it names (or of everything); a page remembers the sequence
 * number current when it was read, and is served only while no drop of its thread, of any member on it, or of
 * everything came after that number. Such a page stays in the store until it is asked for (then the fresh page
 * replaces it) or pushed out: finding every page of a member among 8,000 would cost the write 2-3 ms. The
 * per-thread and per-member records are pruned by a whole-cache drop, which a long run takes when they grow large.
 *
 * <p>A request carrying the session cookie is never served from here nor stored. With several nodes on one
 * PostgreSQL another node's writes reach it as forum events within about a second (the outbox is woken by the signal
 * bus); while the bus is not listening nothing is served or stored here, and when it may have missed signals it
 * empties the cache, so a node cut off from the others serves fresh pages (slower) rather than stale ones. A page
 * showing a banned author is not stored ({@code PageCaching}): the ban ends with time, without a write. Views served
 * from here are not counted in the thread's view counter.
 *
 * <p>It holds up to {@code maxBytes} of gzip-compressed pages ({@link CachedPage}), outside the Java heap
 * ({@link PageSlabs}): a browser's hit is answered with a copy of the stored bytes as they are. When it is full a new page goes in only if it was asked for more often lately than
 * the page it would push out ({@link PageStore}: Caffeine's W-TinyLFU), so a long tail of pages read once does not
 * push out the popular ones.
 */
final class GuestPageCache {
    private static final Pattern CACHEABLE = Pattern.compile("/api/v1/threads/\\d+|/threads/[^/]*\\.\\d+/(page-\\d+)?");
    private static final String GENERATION = "forumkit.guestCache.generation";
    private static final String KEY = "forumkit.guestCache.key";
    private static final String FILTERS = "forumkit.guestCache.filterHeaders";
    private final String sessionCookie;
    private final Signals signals;
    /** Numbers the invalidations; a page remembers the number current when it was read. */
    private final AtomicLong sequence = new AtomicLong();
    /** The number of the last invalidation of everything. */
    private final AtomicLong clearedAt = new AtomicLong();
    /** The number of the last invalidation naming each thread, and each member (pruned by {@link #invalidate()}). */
    private final ConcurrentHashMap<Long, Long> threadDrops = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, Long> memberDrops = new ConcurrentHashMap<>();
    /** How many threads and members are remembered before a whole-cache drop prunes them. */
    private final int maxRemembered;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final PageStore pages;

    /** Holds up to {@code maxBytes} of compressed pages. */
    GuestPageCache(String sessionCookie, long maxBytes, Signals signals) {
        this(sessionCookie, maxBytes, signals, 100_000);
    }

    GuestPageCache(String sessionCookie, long maxBytes, Signals signals, int maxRemembered) {
        this.sessionCookie = sessionCookie;
        this.maxRemembered = maxRemembered;
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

    /** A write that may change any page: nothing stored so far is served again. */
    void invalidate() {
        long n = sequence.incrementAndGet();
        clearedAt.accumulateAndGet(n, Math::max);
        pages.clear();
        long cleared = clearedAt.get();
        // a record not after the last whole drop says nothing more than it (a concurrent newer record stays)
        threadDrops.entrySet().removeIf(e -> e.getValue() <= cleared);
        memberDrops.entrySet().removeIf(e -> e.getValue() <= cleared);
    }

    /**
     * A write that changed at most what {@code scope} names (thread ids, member ids): the pages showing one of those
     * threads or members are not served again, the others stay. A null scope is a write that may change anything.
     */
    void invalidate(PageCaching.Scope scope) {
        if (scope == null) {
            invalidate();
            return;
        }
        if (scope.threads().isEmpty() && scope.members().isEmpty()) {
            return;
        }
        long n = sequence.incrementAndGet();
        scope.threads().forEach(t -> threadDrops.merge(t, n, Math::max));
        scope.members().forEach(m -> memberDrops.merge(m, n, Math::max));
        // the pages themselves stay in the store until asked for (then replaced) or pushed out: scanning 8,000 pages
        // for them cost 2.3-2.7 ms per write (bench/HitCheckCost.java), on the writer's request
        if (threadDrops.size() + memberDrops.size() > maxRemembered) {
            invalidate(); // bounds the records: they say nothing a whole drop does not
        }
    }

    /** A forum event: drops the pages it may have changed ({@link #affected}). */
    void on(ForumEvent event) {
        invalidate(affected(event));
    }

    /**
     * The threads and members whose pages an event may change; null (everything) for a kind not listed here. What a
     * thread page shows: its thread (title, locked, pinned, reply count, last post, its posts with their bodies,
     * edits, attachments and reaction counts), its board and category (title, guest notice: changed by admin
     * requests, which raise no event and empty the cache) and the author card of the starter and of each post's
     * author (username, title, role, banner, message count, reaction score, banned). docs/performance.md, "Guest page
     * cache invalidated per thread", gives the reason for each kind.
     */
    static PageCaching.Scope affected(ForumEvent event) {
        if (event instanceof ForumEvent.PostCreated e) { // the thread's pages; the author's message count
            return scope(e.thread(), e.author());
        }
        if (event instanceof ForumEvent.PostEdited e) { // the thread's pages (no author card changes)
            return scope(e.thread(), null);
        }
        if (event instanceof ForumEvent.ThreadStarted e) { // the new thread; the starter's message count
            return scope(e.thread(), e.starter());
        }
        if (event instanceof ForumEvent.PostDeleted e) { // the thread's pages; the author's message count and score
            return e.author() == null ? null : scope(e.thread(), e.author()); // null: stored before events named it
        }
        if (event instanceof ForumEvent.PostRestored e) {
            return e.author() == null ? null : scope(e.thread(), e.author());
        }
        if (event instanceof ForumEvent.ThreadLockChanged e) {
            return scope(e.thread(), null);
        }
        if (event instanceof ForumEvent.ThreadPinChanged e) {
            return scope(e.thread(), null);
        }
        if (event instanceof ForumEvent.ReactionChanged e) { // counts on the receiver's post, the receiver's score
            return e.receiver() == null ? null : scope(null, e.receiver());
        }
        if (event instanceof ForumEvent.MemberWarned e) { // the warned post's thread, the member's card
            return scope(e.thread(), e.member());
        }
        if (event instanceof ForumEvent.MemberRegistered e) {
            return scope(null, e.member());
        }
        if (event instanceof ForumEvent.MemberRoleChanged e) {
            return scope(null, e.member());
        }
        if (event instanceof ForumEvent.MemberBanned e) {
            return scope(null, e.member());
        }
        if (event instanceof ForumEvent.MemberUnbanned e) {
            return scope(null, e.member());
        }
        // account events: nothing a card shows, but they name one member only, so dropping that member's pages is cheap
        if (event instanceof ForumEvent.PasswordChanged e) {
            return scope(null, e.member());
        }
        if (event instanceof ForumEvent.PasswordResetRequested e) {
            return scope(null, e.member());
        }
        if (event instanceof ForumEvent.EmailVerificationRequested e) {
            return scope(null, e.member());
        }
        if (event instanceof ForumEvent.EmailChangeRequested e) {
            return scope(null, e.member());
        }
        if (event instanceof ForumEvent.EmailVerified e) {
            return scope(null, e.member());
        }
        if (event instanceof ForumEvent.EmailChanged e) {
            return scope(null, e.member());
        }
        // private conversations and webhooks are on no thread page
        if (event instanceof ForumEvent.ConversationStarted || event instanceof ForumEvent.ConversationReplied
                || event instanceof ForumEvent.ConversationInvited || event instanceof ForumEvent.ConversationLeft
                || event instanceof ForumEvent.WebhookDisabled) {
            return NOTHING;
        }
        // ThreadDeleted, ThreadRestored, ThreadMoved (the message counts of everyone who posted in it change),
        // ReportClosed, and any kind added later: everything
        return null;
    }

    private static final PageCaching.Scope NOTHING = new PageCaching.Scope(Set.of(), Set.of());

    private static PageCaching.Scope scope(ThreadId thread, MemberId member) {
        return new PageCaching.Scope(thread == null ? Set.of() : Set.of(thread.value()),
                member == null ? Set.of() : Set.of(member.value()));
    }

    /** Whether a page read under sequence number {@code readUnder} showing these threads and members is still valid. */
    private boolean valid(long readUnder, long[] threads, long[] members) {
        if (clearedAt.get() > readUnder) {
            return false;
        }
        for (long t : threads) {
            Long dropped = threadDrops.get(t);
            if (dropped != null && dropped > readUnder) {
                return false;
            }
        }
        for (long m : members) {
            Long dropped = memberDrops.get(m);
            if (dropped != null && dropped > readUnder) {
                return false;
            }
        }
        return true;
    }

    private boolean valid(CachedPage page) {
        return valid(page.generation(), page.threads(), page.members());
    }

    void before(Context ctx) {
        if (ctx.method() != HandlerType.GET || !CACHEABLE.matcher(ctx.path()).matches() || ctx.cookie(sessionCookie) != null
                || !signals.live()) {
            return;
        }
        String key = key(ctx);
        long current = sequence.get(); // read before the page (on a miss): a write meanwhile makes the entry stale
        CachedPage hit = pages.get(key);
        if (hit != null && !valid(hit)) {
            pages.remove(key, hit); // dropped by a write since it was read: the miss below puts the fresh page
            hit = null;
        }
        if (hit != null) {
            String accept = ctx.header("Accept-Encoding");
            boolean gzip = acceptsGzip(accept);
            // null: the store let the page go (pushed out, replaced) since get: its bytes are gone, answered as a miss
            byte[] body = gzip ? hit.gzip() : pages.identity(key, hit);
            if (body != null) {
                hits.incrementAndGet();
                hit.served();
                HttpServletResponse res = ctx.res();
                for (String[] h : hit.headers()) { // only what the page's handler added to the filters' headers
                    res.setHeader(h[0], h[1]);
                }
                res.setHeader("X-Forum-Cache", "hit");
                ctx.skipRemainingHandlers();
                if (gzip) {
                    res.setHeader("Content-Encoding", "gzip"); // Javalin leaves a response alone that says it is encoded
                } else if (accept != null) { // Javalin may compress it for this client (as it would the fresh page)
                    ctx.result(body);
                    return;
                }
                // Javalin would send these bytes as they are: written here, with their length, not copied through its
                // compressing stream in 8 KiB pieces (no result is set, so Javalin writes nothing more; the after
                // handlers and the request logger still run)
                res.setContentLength(body.length);
                try {
                    res.getOutputStream().write(body);
                } catch (IOException clientGone) {
                    // as when Javalin's own copy fails: nothing more to send
                }
                return;
            }
        }
        misses.incrementAndGet();
        // a page kept here is read from the primary: a lagging replica's copy would be served until the next write
        dev.forumkit.core.storage.ReplicaReads.allow(false);
        ctx.attribute(GENERATION, current);
        ctx.attribute(KEY, key);
        ctx.attribute(FILTERS, filterHeaders(ctx.res()));
    }

    /**
     * The headers the response carries before the page's handler runs: those the filters before this one set (the
     * security headers on every response). A hit runs the same filters on its own request, so a page stores only the
     * headers its handler added or changed beyond these ({@link #after}), and the hit does not set them a second time.
     */
    private static String[][] filterHeaders(HttpServletResponse res) {
        java.util.Collection<String> names = res.getHeaderNames();
        String[][] headers = new String[names.size()][];
        int i = 0;
        for (String name : names) {
            headers[i++] = new String[] {name, res.getHeader(name)};
        }
        return headers;
    }

    /** Whether the filters had set this header to this value already (then a hit's own filters set it too). */
    private static boolean setByFilters(String[][] filters, String name, String value) {
        for (String[] h : filters) {
            if (h[0].equalsIgnoreCase(name)) {
                return h[1].equals(value);
            }
        }
        return false;
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
     * or not let in (less popular than those they would push out), entries, bytes held, slab bytes in use and taken, and
     * of the pages pushed out or not let in, those never served.
     */
    String stats() {
        return hits.get() + " " + misses.get() + " " + pages.stats();
    }

    void after(Context ctx) {
        if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD) {
            PageCaching.Scope changed = ctx.attribute(PageCaching.CHANGED);
            if (changed != null) { // set by the handler once its write is done, even if a later step of it failed
                invalidate(changed);
            } else if (ctx.statusCode() < 400) {
                invalidate();
            }
            return;
        }
        Long readUnder = ctx.attribute(GENERATION);
        PageCaching.Scope shows = ctx.attribute(PageCaching.DEPENDS_ON);
        if (readUnder == null || shows == null || ctx.statusCode() != 200 || ctx.res().getHeader("Set-Cookie") != null
                || Boolean.TRUE.equals(ctx.attribute(PageCaching.DO_NOT_STORE))
                || ctx.res().getHeader("Content-Encoding") != null || !signals.live()) {
            return;
        }
        long[] threads = shows.threads().stream().mapToLong(Long::longValue).toArray();
        long[] members = shows.members().stream().mapToLong(Long::longValue).sorted().toArray();
        if (!valid(readUnder, threads, members)) {
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
        String[][] filters = ctx.attribute(FILTERS);
        if (filters == null) {
            filters = new String[0][];
        }
        for (String[] h : filters) {
            if (ctx.res().getHeader(h[0]) == null) {
                return; // the handler took away a header the filters set: a hit could not take it away too
            }
        }
        List<String[]> headers = new ArrayList<>();
        String vary = "Accept-Encoding"; // the same address answers gzip or not
        for (String name : ctx.res().getHeaderNames()) {
            String value = ctx.res().getHeader(name);
            if (name.equalsIgnoreCase("Vary")) {
                vary = (value + ", " + vary).intern(); // a few values: one instance each for all pages
            } else if (!name.equalsIgnoreCase("Date") && !name.equalsIgnoreCase("Content-Length")
                    && !name.equalsIgnoreCase("Content-Type") && !setByFilters(filters, name, value)) {
                headers.add(new String[] {name, value});
            }
        }
        headers.add(new String[] {"Vary", vary});
        if (ctx.res().getContentType() != null) {
            headers.add(new String[] {"Content-Type", ctx.res().getContentType()});
        }
        CachedPage page = CachedPage.of(readUnder, threads, members, body, headers.toArray(new String[0][]));
        ctx.header("Vary", vary);
        if (acceptsGzip(ctx.header("Accept-Encoding"))) { // compressed once: the same bytes serve this miss and every hit after it
            ctx.header("Content-Encoding", "gzip");
            ctx.result(page.gzip());
        } else {
            ctx.result(body);
        }
        pages.put(ctx.attribute(KEY), page, () -> valid(page) && signals.live());
    }

    /** Whether the client takes a gzip body ({@code Accept-Encoding: gzip}, not with {@code q=0}). */
    private static boolean acceptsGzip(String accept) {
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
