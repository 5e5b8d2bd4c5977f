package dev.forumkit.web.internal;

import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.policy.Action;
import dev.forumkit.core.policy.Target;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.read.Page;
import dev.forumkit.core.read.ThreadPage;
import dev.forumkit.core.read.ThreadSummary;
import dev.forumkit.core.thread.ForumThread;
import dev.forumkit.web.Access;

import java.util.LinkedHashMap;
import java.util.Map;

/** Threads: What's new, a thread page, starting threads, and moderation (lock, pin, move, delete, restore). */
public final class ThreadRoutes {
    private ThreadRoutes() {
    }

    /** {@code attachment_ids}: the starter's draft attachments that go into the first post (optional). */
    record StartThread(String title, String body, java.util.List<Long> attachmentIds) {
    }

    record Move(Long boardId) {
    }

    record Reason(String reason) {
    }

    public static void register(RouteTable t) {
        t.get("/whats-new", Access.ANYONE, ThreadRoutes::whatsNew);
        t.post("/boards/{boardId}/threads", Access.MEMBER, ThreadRoutes::start);
        t.get("/threads/{threadId}", Access.ANYONE, ThreadRoutes::page);
        t.post("/threads/{threadId}/lock", Access.BOARD_MODERATOR, call -> flagged(call, call.api().forum().threads().lock(call.actor(), id(call), true)));
        t.post("/threads/{threadId}/unlock", Access.BOARD_MODERATOR, call -> flagged(call, call.api().forum().threads().lock(call.actor(), id(call), false)));
        t.post("/threads/{threadId}/pin", Access.BOARD_MODERATOR, call -> flagged(call, call.api().forum().threads().pin(call.actor(), id(call), true)));
        t.post("/threads/{threadId}/unpin", Access.BOARD_MODERATOR, call -> flagged(call, call.api().forum().threads().pin(call.actor(), id(call), false)));
        t.post("/threads/{threadId}/move", Access.BOARD_MODERATOR, ThreadRoutes::move);
        t.delete("/threads/{threadId}", Access.BOARD_MODERATOR, ThreadRoutes::delete);
        t.post("/threads/{threadId}/restore", Access.BOARD_MODERATOR, call -> moderated(call, call.api().forum().threads().restore(call.actor(), id(call))));
    }

    private static ThreadId id(Call call) {
        return ThreadId.of(call.id("threadId"));
    }

    private static Object whatsNew(Call call) {
        Page<ThreadSummary> page = call.api().forum().reading().whatsNew(call.actor(), call.page());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("threads", page.items().stream().map(s -> ThreadJson.from(s, call.standing().isStaff())).toList());
        body.put("pagination", Pagination.of(page));
        return body;
    }

    private static Object start(Call call) {
        BoardId board = BoardId.of(call.id("boardId"));
        StartThread in = call.body(StartThread.class);
        String member = call.viewer().member().id().toString();
        var submitted = call.api().forum().threads().submit(call.actor(), board, in.title(), in.body(),
                () -> call.api().postingPerMember.acquire(member));
        if (submitted.isHeld()) {
            return ApprovalRoutes.held(call.api().forum().approvals().view(call.actor(), submitted.held().id()));
        }
        Post first = submitted.posted();
        PostRoutes.attach(call, first.id(), in.attachmentIds());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("thread", thread(call, first.threadId()));
        body.put("post", PostJson.from(call.api().forum().reading().post(call.actor(), first.id()), call.standing().isStaff()));
        return Reply.created(body);
    }

    private static Object page(Call call) {
        // the JSON page shows nothing from profiles (no signatures, no viewer settings): read without them
        ThreadPage p = call.api().forum().reading().threadPage(call.actor(), id(call), call.page(), false);
        PageCaching.note(call.ctx(), p);
        boolean staff = call.standing().isStaff();
        ForumThread t = p.thread();
        String lastPoster = t.lastPost() == null ? null : p.posts().items().stream()
                .filter(v -> v.post().number() == t.lastPost().number()).map(v -> v.author().username()).findFirst().orElse(null);
        ThreadJson thread = ThreadJson.of(t, p.board().title(), p.starter().username(), lastPoster, p.firstUnread() > 0,
                new ThreadJson.Flags(p.canReply(), p.canReact(), p.canModerate()), staff);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("thread", thread);
        body.put("board", BoardJson.Brief.from(p.board(), call.viewer().isGuest(),
                call.allows(Action.START_THREAD, p.board().id())));
        body.put("category", BoardJson.CategoryJson.from(p.category()));
        body.put("starter", MemberJson.from(p.starter()));
        body.put("first_unread", p.firstUnread());
        body.put("posts", p.posts().items().stream().map(v -> PostJson.from(v, staff)).toList());
        body.put("pagination", Pagination.of(p.posts()));
        return body;
    }

    private static Object move(Call call) {
        ThreadId id = id(call);
        Move in = call.body(Move.class);
        if (in.boardId() == null) {
            throw InvalidInputException.of("board_id", "required", "board_id is required");
        }
        if (in.boardId() <= 0) {
            throw InvalidInputException.of("board_id", "out_of_range", "board_id must be positive");
        }
        return moderated(call, call.api().forum().threads().move(call.actor(), id, BoardId.of(in.boardId())));
    }

    private static Object delete(Call call) {
        ThreadId id = id(call);
        Reason in = call.optionalBody(Reason.class, new Reason(null));
        return moderated(call, call.api().forum().threads().delete(call.actor(), id, in.reason()));
    }

    /** Locked or pinned: that changes the thread's own pages only. */
    private static Object flagged(Call call, ForumThread changed) {
        PageCaching.changed(call.ctx(), java.util.Set.of(changed.id()), java.util.Set.of());
        return moderated(call, changed);
    }

    private static Object moderated(Call call, ForumThread changed) {
        return Map.of("thread", thread(call, changed.id()));
    }

    /** The thread as the viewer now sees it, with board and member names. */
    static ThreadJson thread(Call call, ThreadId id) {
        return ThreadJson.from(call.api().forum().reading().thread(call.actor(), id), call.standing().isStaff());
    }
}
