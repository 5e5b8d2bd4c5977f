package dev.forumkit.web.internal;

import dev.forumkit.core.read.ThreadPage;
import io.javalin.http.Context;

/**
 * What a page tells a page cache in front of it (forum-app's guest page cache). Such a cache drops its pages on every
 * write, which covers everything a thread page shows but one thing that changes with time alone: an author's ban
 * ends at its hour without any write, and the page that showed the author banned would be served on. A page showing
 * a banned author is therefore marked not to be stored (bans are rare: few pages are).
 */
public final class PageCaching {
    /** Request attribute, {@code Boolean.TRUE} when the page must not be kept by a cache. */
    public static final String DO_NOT_STORE = "forumkit.page.doNotStore";

    private PageCaching() {
    }

    /** Marks the response not to be stored when the page shows a banned author (the starter or a post's). */
    public static void note(Context ctx, ThreadPage page) {
        if (page.starter().banned() || page.posts().items().stream().anyMatch(v -> v.author().banned())) {
            ctx.attribute(DO_NOT_STORE, Boolean.TRUE);
        }
    }
}
