package dev.forumkit.core.approval;

import dev.forumkit.core.Actor;
import dev.forumkit.core.ConflictException;
import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.Validation;
import dev.forumkit.core.audit.AuditAction;
import dev.forumkit.core.audit.AuditTarget;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.event.ForumEvent;
import dev.forumkit.core.internal.ServiceContext;
import dev.forumkit.core.markup.Rendered;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.policy.Action;
import dev.forumkit.core.policy.Target;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.read.Page;
import dev.forumkit.core.thread.ForumThread;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The approval queue. A held post becomes a post only when approved: it takes the thread's next number then (so the
 * numbers everyone sees never skip one), its time is the approval's, and the events a post's creation emits (alerts,
 * watchers, the search index) go out then, never before. Rejecting keeps it, out of sight, with the reason its author
 * sees. Both are recorded in the audit log in the same transaction.
 */
public final class ApprovalService {
    private static final int PER_PAGE = 20;
    private final ServiceContext ctx;

    public ApprovalService(ServiceContext ctx) {
        this.ctx = ctx;
    }

    /** The pending held posts on the boards the actor moderates, oldest first; an empty page for everyone else. */
    public Page<HeldView> queue(Actor actor, int page) {
        return ctx.storage.transactions().readOnly(() -> {
            Member me = ctx.requireMember(actor);
            Set<BoardId> boards = moderatedBy(me);
            int total = boards.isEmpty() ? 0 : ctx.storage.heldPosts().countPending(boards);
            int current = Math.max(1, page);
            List<HeldView> items = boards.isEmpty() ? List.of()
                    : ctx.storage.heldPosts().pending(boards, (current - 1) * PER_PAGE, PER_PAGE).stream().map(this::view).toList();
            return new Page<>(items, current, Page.lastPage(total, PER_PAGE), PER_PAGE, total);
        });
    }

    /** Whether the actor may work the approval queue of at least one board (shows the queue's link). */
    public boolean moderatesAny(Actor actor) {
        return ctx.storage.transactions().readOnly(() -> {
            Member me = ctx.load(actor);
            return me != null && !moderatedBy(me).isEmpty();
        });
    }

    /** A held post as its author or a moderator of its board sees it; it does not exist for anyone else. */
    public HeldPost byId(Actor actor, HeldPostId id) {
        return ctx.storage.transactions().readOnly(() -> visible(ctx.load(actor), id));
    }

    /** As {@link #byId}, with the names a page shows. */
    public HeldView view(Actor actor, HeldPostId id) {
        return ctx.storage.transactions().readOnly(() -> view(visible(ctx.load(actor), id)));
    }

    /** Whether the actor may approve or reject the held post (shows the buttons). */
    public boolean mayDecide(Actor actor, HeldPost held) {
        return ctx.storage.transactions().readOnly(() -> {
            Member me = ctx.load(actor);
            return me != null && ctx.policy.allows(ctx.permissions(me, held.board()), Action.APPROVE_CONTENT, Target.NONE);
        });
    }

    /** The actor's own held posts (pending, approved and rejected with the reason), newest first. */
    public List<HeldView> mine(Actor actor, int limit) {
        return ctx.storage.transactions().readOnly(() -> ctx.storage.heldPosts()
                .byAuthor(ctx.requireMember(actor).id(), Math.max(1, Math.min(limit, 100))).stream().map(this::view).toList());
    }

    private HeldView view(HeldPost h) {
        String author = ctx.storage.members().byId(h.author()).map(Member::username).orElse(null);
        String board = ctx.storage.boards().byId(h.board()).map(Board::title).orElse(null);
        String thread = h.thread() == null ? null : ctx.storage.threads().byId(h.thread()).map(ForumThread::title).orElse(null);
        return new HeldView(h, author, board, thread);
    }

    /** Pending replies to a thread the viewer may see: all of them for its moderators, their own for an author. */
    public List<HeldPost> pendingInThread(Actor actor, ThreadId thread) {
        return ctx.storage.transactions().readOnly(() -> {
            Member me = ctx.load(actor);
            if (me == null) {
                return List.<HeldPost>of();
            }
            ForumThread t = ctx.storage.threads().byId(thread).orElse(null);
            if (t == null || !ctx.policy.allows(ctx.permissions(me, t.boardId()), Action.READ_FORUM, Target.NONE)) {
                return List.<HeldPost>of();
            }
            boolean moderates = ctx.policy.allows(ctx.permissions(me, t.boardId()), Action.APPROVE_CONTENT, Target.NONE);
            return ctx.storage.heldPosts().pendingInThread(thread, moderates ? null : me.id());
        });
    }

    /**
     * As {@link #pendingInThread(Actor, ThreadId)}, for a page that already found the thread visible to the viewer and
     * knows whether they moderate its board: one storage call, none for a guest (a thread page stays within budget).
     */
    public List<HeldPost> pendingInThread(Actor actor, ThreadId thread, boolean moderates) {
        if (actor.memberId().isEmpty()) {
            return List.of();
        }
        return ctx.storage.transactions().readOnly(() ->
                ctx.storage.heldPosts().pendingInThread(thread, moderates ? null : actor.memberId().get()));
    }

    /** Approves a held post: it becomes a post (a new thread, or the thread's next reply) and is announced now. */
    public HeldPost approve(Actor actor, HeldPostId id) {
        // refused (or not found) before any work; the command checks again under its locks
        HeldPost peek = ctx.storage.transactions().readOnly(() -> decidable(ctx.requireMember(actor), id));
        Rendered rendered = ctx.render(peek.body()); // outside the transaction: rendering must not hold row locks
        return ctx.command(events -> {
            Member me = ctx.requireMember(actor);
            HeldPost held = decidable(me, id);
            Instant now = ctx.now();
            Post post = held.isNewThread() ? startThread(held, rendered, now, events) : addReply(held, rendered, now, events);
            HeldPost approved = held.approved(me.id(), now, post.id());
            if (!ctx.storage.heldPosts().decide(approved)) {
                throw new ConflictException("another moderator decided on this post first");
            }
            ctx.audit.record(me.id(), AuditAction.POST_APPROVE, AuditTarget.post(post.id()), "held " + id,
                    "post #" + post.number() + " in thread " + post.threadId(), String.join("; ", held.reasons()));
            return approved;
        });
    }

    /** Rejects a held post with a reason its author sees; it never becomes a post. */
    public HeldPost reject(Actor actor, HeldPostId id, String reason) {
        String r = reason == null ? "" : reason.strip();
        Validation.start().require(!r.isEmpty(), "reason", "required", "say why the post is rejected")
                .require(r.length() <= 500, "reason", "too_long", "reason must be at most 500 characters")
                .noControlCharacters(r, "reason").orThrow();
        return ctx.command(events -> {
            Member me = ctx.requireMember(actor);
            HeldPost held = decidable(me, id);
            HeldPost rejected = held.rejected(me.id(), ctx.now(), r);
            if (!ctx.storage.heldPosts().decide(rejected)) {
                throw new ConflictException("another moderator decided on this post first");
            }
            ctx.audit.record(me.id(), AuditAction.POST_REJECT, AuditTarget.heldPost(id), "held", "rejected", r);
            return rejected;
        });
    }

    /** Whether every new post on the board is held for approval. */
    public boolean isModerated(BoardId board) {
        return ctx.storage.transactions().readOnly(() -> ctx.storage.heldPosts().moderatedBoards().contains(board));
    }

    /** Sets a board to moderated (every post by non-moderators held) or back (admins); audited. */
    public void setModerated(Actor actor, BoardId board, boolean moderated) {
        ctx.command(events -> {
            Member me = ctx.requireMember(actor);
            ctx.policy.check(ctx.standing(me), Action.MANAGE_STRUCTURE, Target.NONE);
            Board b = ctx.storage.boards().byId(board).orElseThrow(() -> new NotFoundException("no board " + board));
            boolean was = ctx.storage.heldPosts().moderatedBoards().contains(board);
            if (was != moderated) {
                ctx.storage.heldPosts().setModerated(board, moderated);
                ctx.audit.record(me.id(), AuditAction.BOARD_MODERATED, AuditTarget.board(b.id()),
                        was ? "moderated" : "not moderated", moderated ? "moderated" : "not moderated", null);
            }
            return null;
        });
    }

    private Set<BoardId> moderatedBy(Member me) {
        return ctx.storage.boards().all().stream().map(Board::id)
                .filter(b -> ctx.policy.allows(ctx.permissions(me, b), Action.APPROVE_CONTENT, Target.NONE))
                .collect(Collectors.toSet());
    }

    private HeldPost visible(Member me, HeldPostId id) {
        HeldPost held = ctx.storage.heldPosts().byId(id).orElse(null);
        boolean mayModerate = held != null && me != null
                && ctx.policy.allows(ctx.permissions(me, held.board()), Action.APPROVE_CONTENT, Target.NONE);
        if (held == null || me == null || !(mayModerate || held.author().equals(me.id()))) {
            throw new NotFoundException("no held post " + id);
        }
        return held;
    }

    /** The held post, pending, on a board the member moderates (checked under the thread's row lock for a reply). */
    private HeldPost decidable(Member me, HeldPostId id) {
        HeldPost held = ctx.storage.heldPosts().byId(id).orElse(null);
        // as for moderating a thread: not found on a board one may not read, else refused unless one moderates it
        if (held == null || !ctx.policy.allows(ctx.permissions(me, held.board()), Action.READ_FORUM, Target.NONE)) {
            throw new NotFoundException("no held post " + id);
        }
        ctx.policy.check(ctx.permissions(me, held.board()), Action.APPROVE_CONTENT, Target.board(held.board()));
        if (!held.isPending()) {
            throw new ConflictException("the post was already " + held.status().name().toLowerCase(java.util.Locale.ROOT));
        }
        return held;
    }

    private Post startThread(HeldPost held, Rendered rendered, Instant now, List<ForumEvent> events) {
        Board board = ctx.storage.boards().byId(held.board()).orElseThrow(() -> new NotFoundException("no board " + held.board()));
        ForumThread thread = ctx.storage.threads().add(ForumThread.withoutId(board.id(), held.title(), held.author(), now));
        int number = ctx.storage.threads().allocatePostNumber(thread.id());
        Post first = ctx.storage.posts().add(Post.withoutId(thread.id(), number, held.author(), held.body(), now)
                .withRendering(rendered.html(), rendered.rendererVersion()));
        ctx.counters.threadStarted(thread, first);
        events.add(new ForumEvent.ThreadStarted(thread.id(), board.id(), first.id(), held.author(), now));
        events.add(new ForumEvent.PostCreated(first.id(), thread.id(), number, held.author(), now, rendered.mentions(), rendered.quotes()));
        return first;
    }

    private Post addReply(HeldPost held, Rendered rendered, Instant now, List<ForumEvent> events) {
        ForumThread thread = ctx.storage.threads().byIdForUpdate(held.thread())
                .orElseThrow(() -> new NotFoundException("no thread " + held.thread()));
        if (thread.isDeleted()) {
            throw new ConflictException("the thread was deleted: restore it first, or reject the post");
        }
        // the number is taken now, at approval: held posts never leave a gap in the numbers others see (the locked
        // row's counter plus one; Counters.replied moves the counter from it)
        int number = dev.forumkit.core.internal.Counters.nextNumber(thread);
        Post post = ctx.storage.posts().add(Post.withoutId(thread.id(), number, held.author(), held.body(), now)
                .withRendering(rendered.html(), rendered.rendererVersion()));
        ctx.counters.replied(thread, post);
        events.add(new ForumEvent.PostCreated(post.id(), thread.id(), number, held.author(), now, rendered.mentions(), rendered.quotes()));
        return post;
    }
}
