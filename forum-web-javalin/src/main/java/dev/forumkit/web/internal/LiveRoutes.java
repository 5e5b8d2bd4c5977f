package dev.forumkit.web.internal;

import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.web.Access;

/**
 * Live updates as Server-Sent Events: a thread's new posts ({@code reply}), a board's new threads ({@code thread}),
 * and for members their unread alert count ({@code alerts}, on every stream). A stream is opened only for what the
 * viewer may see (404 otherwise, as for the page) and each event is checked again as that viewer; events carry ids
 * only. A request that does not accept {@code text/event-stream} gets 406 after the same checks.
 */
public final class LiveRoutes {
    private LiveRoutes() {
    }

    public static void register(RouteTable t) {
        t.get("/threads/{threadId}/live", Access.ANYONE, call -> {
            ThreadId id = ThreadId.of(call.id("threadId"));
            call.api().forum().reading().thread(call.actor(), id); // 404 for a thread the viewer may not see
            return start(call, LiveStream.Kind.THREAD, id.value());
        });
        t.get("/boards/{boardId}/live", Access.ANYONE, call -> {
            BoardId id = BoardId.of(call.id("boardId"));
            if (call.api().forum().boards().board(call.actor(), id).isEmpty()) {
                throw HttpProblem.notFound("no board " + id.value());
            }
            return start(call, LiveStream.Kind.BOARD, id.value());
        });
        t.get("/me/live", Access.MEMBER, call -> start(call, LiveStream.Kind.ALERTS, 0));
    }

    private static LiveStart start(Call call, LiveStream.Kind kind, long target) {
        String accept = call.ctx().header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            throw HttpProblem.notAcceptable("this route streams text/event-stream (Server-Sent Events)");
        }
        LiveHub hub = call.api().live();
        if (!hub.reserve()) {
            throw HttpProblem.liveFull();
        }
        return new LiveStart(hub, new LiveStream(call.viewer(), kind, target, System.nanoTime()));
    }
}
