package dev.forumkit.web.internal;

import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.read.ThreadPage;
import io.javalin.http.Context;

import java.util.HashSet;
import java.util.Set;

/**
 * What a page tells a page cache in front of it (forum-app's guest page cache), and what a write tells it. A thread
 * page names what it shows ({@link #DEPENDS_ON}): its thread and the members whose author cards it shows (a reply,
 * reaction, ban or role change of one of them changes the card on every page they posted on). A write that is fully
 * described by the thread(s) and members it names ({@link #CHANGED}) lets the cache drop just their pages; a write
 * that names nothing empties the cache. One thing a page shows changes with time alone: an author's ban ends at its
 * hour without any write, and the page that showed the author banned would be served on. A page showing a banned
 * author is therefore marked not to be stored (bans are rare: few pages are).
 */
public final class PageCaching {
    /** Request attribute, {@code Boolean.TRUE} when the page must not be kept by a cache. */
    public static final String DO_NOT_STORE = "forumkit.page.doNotStore";
    /** Request attribute of a page, a {@link Scope}: what the page shows (a page without it is not stored). */
    public static final String DEPENDS_ON = "forumkit.page.dependsOn";
    /** Request attribute of a successful write, a {@link Scope}: everything it changed on the pages a cache keeps. */
    public static final String CHANGED = "forumkit.page.changed";

    private PageCaching() {
    }

    /** Thread ids and member ids (their values), each set unmodifiable. */
    public record Scope(Set<Long> threads, Set<Long> members) {
        public Scope {
            threads = Set.copyOf(threads);
            members = Set.copyOf(members);
        }

        Scope plus(Scope other) {
            Set<Long> t = new HashSet<>(threads);
            t.addAll(other.threads);
            Set<Long> m = new HashSet<>(members);
            m.addAll(other.members);
            return new Scope(t, m);
        }
    }

    /**
     * Notes what the thread page shows (its thread, the starter's and every post author's card), and marks it not to
     * be stored when it shows a banned author.
     */
    public static void note(Context ctx, ThreadPage page) {
        if (page.starter().banned() || page.posts().items().stream().anyMatch(v -> v.author().banned())) {
            ctx.attribute(DO_NOT_STORE, Boolean.TRUE);
        }
        Set<Long> members = new HashSet<>();
        members.add(page.starter().id().value());
        page.posts().items().forEach(v -> members.add(v.author().id().value()));
        ctx.attribute(DEPENDS_ON, new Scope(Set.of(page.thread().id().value()), members));
    }

    /**
     * Called by the handler of a write, after it succeeded, with everything it changed that a cached page shows:
     * the cache drops exactly those pages before the response goes out. Several calls add up.
     */
    public static void changed(Context ctx, Set<ThreadId> threads, Set<MemberId> members) {
        Set<Long> t = new HashSet<>();
        threads.forEach(id -> t.add(id.value()));
        Set<Long> m = new HashSet<>();
        members.forEach(id -> m.add(id.value()));
        Scope now = new Scope(t, m);
        Scope before = ctx.attribute(CHANGED);
        ctx.attribute(CHANGED, before == null ? now : before.plus(now));
    }
}
