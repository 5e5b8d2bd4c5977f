package dev.forumkit.web.internal;

import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.read.Page;
import dev.forumkit.core.watch.WatchService;
import dev.forumkit.web.Access;

import java.util.LinkedHashMap;
import java.util.Map;

/** Watching threads and boards, and the member's lists of what they watch. */
public final class WatchRoutes {
    private WatchRoutes() {
    }

    /** An absent body watches without e-mail (a thread) or for new threads only (a board). */
    record WatchRequest(Boolean everyPost, Boolean email) {
        boolean wantsEveryPost() {
            return Boolean.TRUE.equals(everyPost);
        }

        boolean wantsEmail() {
            return Boolean.TRUE.equals(email);
        }
    }

    public static void register(RouteTable t) {
        t.put("/threads/{threadId}/watch", Access.MEMBER, call -> {
            WatchRequest in = call.optionalBody(WatchRequest.class, new WatchRequest(null, null));
            var watch = watching(call).watchThread(call.actor(), ThreadId.of(call.id("threadId")), in.wantsEmail());
            return Map.of("watch", WatchJson.ThreadWatchJson.from(watch));
        });
        t.delete("/threads/{threadId}/watch", Access.MEMBER, call -> {
            watching(call).unwatchThread(call.actor(), ThreadId.of(call.id("threadId")));
            return null;
        });
        t.put("/boards/{boardId}/watch", Access.MEMBER, call -> {
            WatchRequest in = call.optionalBody(WatchRequest.class, new WatchRequest(null, null));
            var watch = watching(call).watchBoard(call.actor(), BoardId.of(call.id("boardId")), in.wantsEveryPost(), in.wantsEmail());
            return Map.of("watch", WatchJson.BoardWatchJson.from(watch));
        });
        t.delete("/boards/{boardId}/watch", Access.MEMBER, call -> {
            watching(call).unwatchBoard(call.actor(), BoardId.of(call.id("boardId")));
            return null;
        });
        t.get("/me/watched-threads", Access.MEMBER, call -> {
            var page = watching(call).watchedThreads(call.actor(), call.page());
            return paged("threads", page, page.items().stream().map(WatchJson.WatchedThreadJson::from).toList());
        });
        t.get("/me/watched-boards", Access.MEMBER, call -> {
            var page = watching(call).watchedBoards(call.actor(), call.page());
            return paged("boards", page, page.items().stream().map(WatchJson.WatchedBoardJson::from).toList());
        });
    }

    private static WatchService watching(Call call) {
        return call.api().forum().watching();
    }

    private static Map<String, Object> paged(String name, Page<?> page, Object items) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(name, items);
        body.put("pagination", Pagination.of(page));
        return body;
    }
}
