package dev.forumkit.web.internal.html;

import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.read.Page;
import dev.forumkit.core.watch.WatchedBoard;
import dev.forumkit.core.watch.WatchedThread;
import dev.forumkit.web.Access;
import dev.forumkit.web.internal.Call;

/**
 * Watch and unwatch buttons of thread and board pages (plain forms), and the member's lists of watched threads and
 * boards. A form sent from a list ({@code back=watched}) returns to the list, else to the thread or board.
 */
final class WatchPages {
    private WatchPages() {
    }

    static void register(PageTable t) {
        t.post("/threads/{thread}/watch", Access.MEMBER, call -> {
            ThreadId id = ThreadId.of(Params.id(call, "thread"));
            call.api().forum().watching().watchThread(call.actor(), id, checked(call, "email"));
            return Redirect.seeOther(back(call, ReadPages.links(call).watchedThreads(1), threadHref(call, id)));
        });
        t.post("/threads/{thread}/unwatch", Access.MEMBER, call -> {
            ThreadId id = ThreadId.of(Params.id(call, "thread"));
            call.api().forum().watching().unwatchThread(call.actor(), id);
            return Redirect.seeOther(back(call, ReadPages.links(call).watchedThreads(1), threadHref(call, id)));
        });
        t.post("/boards/{board}/watch", Access.MEMBER, call -> {
            BoardId id = BoardId.of(Params.id(call, "board"));
            boolean everyPost = "every_post".equals(call.ctx().formParam("notify"));
            call.api().forum().watching().watchBoard(call.actor(), id, everyPost, checked(call, "email"));
            return Redirect.seeOther(back(call, ReadPages.links(call).watchedBoards(1), boardHref(call, id)));
        });
        t.post("/boards/{board}/unwatch", Access.MEMBER, call -> {
            BoardId id = BoardId.of(Params.id(call, "board"));
            call.api().forum().watching().unwatchBoard(call.actor(), id);
            return Redirect.seeOther(back(call, ReadPages.links(call).watchedBoards(1), boardHref(call, id)));
        });
        t.get("/watched/threads", Access.MEMBER, WatchPages::threads);
        t.get("/watched/threads/page-{page}", Access.MEMBER, WatchPages::threads);
        t.get("/watched/boards", Access.MEMBER, WatchPages::boards);
        t.get("/watched/boards/page-{page}", Access.MEMBER, WatchPages::boards);
    }

    static WatchButton threadButton(Call call, ThreadId id) {
        if (call.viewer().isGuest()) {
            return WatchButton.guest();
        }
        return call.api().forum().watching().threadWatch(call.actor(), id)
                .map(w -> new WatchButton(true, true, w.email(), false))
                .orElse(new WatchButton(true, false, false, false));
    }

    static WatchButton boardButton(Call call, BoardId id) {
        if (call.viewer().isGuest()) {
            return WatchButton.guest();
        }
        return call.api().forum().watching().boardWatch(call.actor(), id)
                .map(w -> new WatchButton(true, true, w.email(), w.everyPost()))
                .orElse(new WatchButton(true, false, false, false));
    }

    private static Object threads(Call call) {
        Links links = ReadPages.links(call);
        int n = Params.page(call);
        Page<WatchedThread> p = call.api().forum().watching().watchedThreads(call.actor(), n);
        if (n > p.lastPage()) {
            return Redirect.found(links.watchedThreads(p.lastPage()));
        }
        return View.of("watched-threads", new Text("watched.threads")).noindex()
                .crumb(new Text("nav.forums"), links.home())
                .with("page", p)
                .with("pager", Pager.of(p, links::watchedThreads));
    }

    private static Object boards(Call call) {
        Links links = ReadPages.links(call);
        int n = Params.page(call);
        Page<WatchedBoard> p = call.api().forum().watching().watchedBoards(call.actor(), n);
        if (n > p.lastPage()) {
            return Redirect.found(links.watchedBoards(p.lastPage()));
        }
        return View.of("watched-boards", new Text("watched.boards")).noindex()
                .crumb(new Text("nav.forums"), links.home())
                .with("page", p)
                .with("pager", Pager.of(p, links::watchedBoards));
    }

    private static boolean checked(Call call, String field) {
        String v = call.ctx().formParam(field);
        return v != null && !v.isBlank() && !v.equals("0") && !v.equalsIgnoreCase("false");
    }

    private static String back(Call call, String list, String page) {
        return "watched".equals(call.ctx().formParam("back")) ? list : page;
    }

    /** The page the button was on: the form's slug when it had one, else the bare id (the page redirects). */
    private static String threadHref(Call call, ThreadId id) {
        String slug = Params.slug(call, "thread");
        return ReadPages.links(call).base() + "/threads/" + (slug.isEmpty() ? "" : slug + ".") + id.value() + "/";
    }

    private static String boardHref(Call call, BoardId id) {
        String slug = Params.slug(call, "board");
        return ReadPages.links(call).base() + "/boards/" + (slug.isEmpty() ? "" : slug + ".") + id.value() + "/";
    }
}
