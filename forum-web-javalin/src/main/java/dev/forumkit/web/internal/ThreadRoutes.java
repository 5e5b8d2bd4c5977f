package dev.forumkit.web.internal;

import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.Validation;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.policy.Action;
import dev.forumkit.core.policy.Target;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.post.PostText;
import dev.forumkit.core.read.Page;
import dev.forumkit.core.read.ThreadPage;
import dev.forumkit.core.read.ThreadSummary;
import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.core.thread.ForumThread;
import dev.forumkit.web.Access;

import java.util.LinkedHashMap;
import java.util.Map;

/** Threads: What's new, a thread page, starting threads, and moderation (lock, pin, move, delete, restore). */
public final class ThreadRoutes {
    private ThreadRoutes() {
    }

    record StartThread(String title, String body) {
    }

    record Move(Long boardId) {
    }

    record Reason(String reason) {
    }

    public static void register(RouteTable t) {
        t.get("/whats-new", Access.ANYONE, ThreadRoutes::whatsNew);
        t.post("/boards/{boardId}/threads", Access.MEMBER, ThreadRoutes::start);
        t.get("/threads/{threadId}", Access.ANYONE, ThreadRoutes::page);
        t.post("/threads/{threadId}/lock", Access.STAFF, call -> moderated(call, call.api().forum().threads().lock(call.actor(), id(call), true)));
        t.post("/threads/{threadId}/unlock", Access.STAFF, call -> moderated(call, call.api().forum().threads().lock(call.actor(), id(call), false)));
        t.post("/threads/{threadId}/pin", Access.STAFF, call -> moderated(call, call.api().forum().threads().pin(call.actor(), id(call), true)));
        t.post("/threads/{threadId}/unpin", Access.STAFF, call -> moderated(call, call.api().forum().threads().pin(call.actor(), id(call), false)));
        t.post("/threads/{threadId}/move", Access.STAFF, ThreadRoutes::move);
        t.delete("/threads/{threadId}", Access.STAFF, ThreadRoutes::delete);
        t.post("/threads/{threadId}/restore", Access.STAFF, call -> moderated(call, call.api().forum().threads().restore(call.actor(), id(call))));
    }

    private static ThreadId id(Call call) {
        return ThreadId.of(call.id("threadId"));
    }

    private static Object whatsNew(Call call) {
        Page<ThreadSummary> page = call.api().forum().reading().whatsNew(call.actor(), call.page());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("threads", page.items().stream().map(s -> ThreadJson.from(s, call.api().forum().policy(), call.viewer())).toList());
        body.put("pagination", Pagination.of(page));
        return body;
    }

    private static Object start(Call call) {
        BoardId board = BoardId.of(call.id("boardId"));
        StartThread in = call.body(StartThread.class);
        PostText.body(PostText.title(Validation.start(), PostText.cleanTitle(in.title())), PostText.cleanBody(in.body())).orThrow();
        call.api().postingPerMember.acquire(call.viewer().member().id().toString());
        Post first = call.api().forum().threads().start(call.actor(), board, in.title(), in.body());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("thread", thread(call, first.threadId()));
        body.put("post", SinglePost.view(call.api(), call.viewer(), first.id()));
        return Reply.created(body);
    }

    private static Object page(Call call) {
        ThreadPage p = call.api().forum().reading().threadPage(call.actor(), id(call), call.page());
        boolean staff = call.standing().isStaff();
        ForumThread t = p.thread();
        String lastPoster = t.lastPost() == null ? null : p.posts().items().stream()
                .filter(v -> v.post().number() == t.lastPost().number()).map(v -> v.author().username()).findFirst().orElse(null);
        ThreadJson thread = ThreadJson.of(t, p.board().title(), p.starter().username(), lastPoster, p.firstUnread() > 0,
                new ThreadJson.Flags(p.canReply(), p.canReact(), p.canModerate()), staff);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("thread", thread);
        body.put("board", BoardJson.from(p.board(), call.viewer().isGuest(), null, null,
                call.api().forum().policy().allows(call.standing(), Action.START_THREAD, Target.NONE)));
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

    private static Object moderated(Call call, ForumThread changed) {
        return Map.of("thread", thread(call, changed.id()));
    }

    /** The thread as the viewer now sees it, with board and member names. */
    static ThreadJson thread(Call call, ThreadId id) {
        ForumStorage s = call.api().forum().storage();
        Viewer v = call.viewer();
        return s.transactions().readOnly(() -> {
            ForumThread t = s.threads().byId(id).orElseThrow();
            String board = s.boards().byId(t.boardId()).map(Board::title).orElse(null);
            String starter = s.members().byId(t.starterId()).map(Member::username).orElse(null);
            String last = t.lastPost() == null ? null : s.members().byId(t.lastPost().authorId()).map(Member::username).orElse(null);
            boolean own = !v.isGuest() && t.starterId().equals(v.member().id());
            return ThreadJson.of(t, board, starter, last, false,
                    ThreadJson.Flags.of(call.api().forum().policy(), v.standing(), t, own), v.standing().isStaff());
        });
    }
}
