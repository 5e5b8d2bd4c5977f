package dev.forumkit.core.thread;

import dev.forumkit.core.Actor;
import dev.forumkit.core.ConflictException;
import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.Validation;
import dev.forumkit.core.approval.HeldPost;
import dev.forumkit.core.approval.Submitted;
import dev.forumkit.core.audit.AuditAction;
import dev.forumkit.core.audit.AuditTarget;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.content.Deletion;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.event.ForumEvent;
import dev.forumkit.core.internal.ServiceContext;
import dev.forumkit.core.markup.Rendered;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.policy.Action;
import dev.forumkit.core.policy.Permission;
import dev.forumkit.core.policy.Permissions;
import dev.forumkit.core.policy.Target;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.post.PostText;

import java.time.Instant;

/** Starting threads and moderating them: lock, pin, move, soft-delete and restore. */
public final class ThreadService {
    private final ServiceContext ctx;

    public ThreadService(ServiceContext ctx) {
        this.ctx = ctx;
    }

    /** Starts a thread in a board; returns its first post (#1). */
    public Post start(Actor actor, BoardId boardId, String title, String body) {
        return start(actor, boardId, title, body, PostService.NO_GATE);
    }

    /**
     * Starts a thread with a gate: {@code admit} runs once title and body are valid and before anything is written,
     * and may throw to refuse (an adapter's rate limit), so a bad post is refused for what it is and never counted.
     */
    public Post start(Actor actor, BoardId boardId, String title, String body, Runnable admit) {
        Submitted<Post> s = submit(actor, boardId, title, body, admit);
        if (s.isHeld()) {
            // the thread is stored, in the approval queue: a caller that expects a post learns it has none yet
            throw new ConflictException("the thread is held for approval (" + String.join("; ", s.held().reasons()) + ")");
        }
        return s.posted();
    }

    /**
     * Starts a thread that may be held for approval (rules, a moderated board, the spam checks): then no thread exists
     * until a moderator approves it, and {@code held} says so; else the first post is {@code posted} as by {@link #start}.
     */
    public Submitted<Post> submit(Actor actor, BoardId boardId, String title, String body, Runnable admit) {
        String t = PostText.cleanTitle(title);
        String b = PostText.cleanBody(body);
        PostText.body(PostText.title(Validation.start(), t), b).orThrow();
        admit.run();
        Rendered rendered = ctx.render(b);
        return ctx.command(events -> {
            Member me = ctx.requireMember(actor);
            Board board = ctx.storage.boards().byId(boardId).orElse(null);
            Permissions granted = ctx.permissions(me, boardId);
            if (board == null || !granted.has(Permission.VIEW_BOARD)) {
                throw new NotFoundException("no board " + boardId); // a board one may not see does not exist for them
            }
            ctx.policy.check(granted, Action.START_THREAD, Target.board(boardId));
            ctx.policy.checkVerified(me, Action.START_THREAD);
            Instant now = ctx.now();
            java.util.List<String> holdFor = ctx.holds.reasons(me, granted, board.id(), null, t, b, now);
            if (!holdFor.isEmpty()) {
                return Submitted.<Post>held(ctx.holds.hold(HeldPost.thread(board.id(), t, me.id(), b, now, holdFor)));
            }
            ForumThread thread = ctx.storage.threads().add(ForumThread.withoutId(board.id(), t, me.id(), now));
            int number = ctx.storage.threads().allocatePostNumber(thread.id());
            Post first = ctx.storage.posts().add(Post.withoutId(thread.id(), number, me.id(), b, now)
                    .withRendering(rendered.html(), rendered.rendererVersion()));
            ctx.counters.threadStarted(thread, first);
            events.add(new ForumEvent.ThreadStarted(thread.id(), board.id(), first.id(), me.id(), now));
            events.add(new ForumEvent.PostCreated(first.id(), thread.id(), number, me.id(), now, rendered.mentions(), rendered.quotes()));
            return Submitted.posted(first);
        });
    }

    public ForumThread lock(Actor actor, ThreadId id, boolean locked) {
        return moderate(actor, id, Action.LOCK_THREAD, (thread, me, events) -> {
            if (thread.locked() == locked) {
                return thread;
            }
            ForumThread updated = thread.withLocked(locked);
            ctx.storage.threads().update(updated);
            events.add(new ForumEvent.ThreadLockChanged(id, locked, me.id(), ctx.now()));
            ctx.audit.record(me.id(), locked ? AuditAction.THREAD_LOCK : AuditAction.THREAD_UNLOCK, AuditTarget.thread(id),
                    locked ? "unlocked" : "locked", locked ? "locked" : "unlocked", null);
            return updated;
        });
    }

    public ForumThread pin(Actor actor, ThreadId id, boolean pinned) {
        return moderate(actor, id, Action.PIN_THREAD, (thread, me, events) -> {
            if (thread.pinned() == pinned) {
                return thread;
            }
            ForumThread updated = thread.withPinned(pinned);
            ctx.storage.threads().update(updated);
            events.add(new ForumEvent.ThreadPinChanged(id, pinned, me.id(), ctx.now()));
            ctx.audit.record(me.id(), pinned ? AuditAction.THREAD_PIN : AuditAction.THREAD_UNPIN, AuditTarget.thread(id),
                    pinned ? "not pinned" : "pinned", pinned ? "pinned" : "not pinned", null);
            return updated;
        });
    }

    /** Moves a thread to another board; both boards' counters follow. */
    public ForumThread move(Actor actor, ThreadId id, BoardId to) {
        return moderate(actor, id, Action.MOVE_THREAD, (thread, me, events) -> {
            Board target = ctx.storage.boards().byId(to).orElse(null);
            Permissions there = ctx.permissions(me, to);
            if (target == null || !there.has(Permission.VIEW_BOARD)) {
                throw new NotFoundException("no board " + to);
            }
            // moving into a board takes the right to moderate there too: else a moderator could hide threads from it
            ctx.policy.check(there, Action.MOVE_THREAD, Target.board(to));
            if (thread.boardId().equals(target.id())) {
                return thread;
            }
            ForumThread updated = thread.withBoard(target.id());
            ctx.storage.threads().update(updated);
            if (!thread.isDeleted()) {
                ctx.counters.threadMoved(updated, thread.boardId(), target.id());
            }
            events.add(new ForumEvent.ThreadMoved(id, thread.boardId(), target.id(), me.id(), ctx.now()));
            ctx.audit.record(me.id(), AuditAction.THREAD_MOVE, AuditTarget.thread(id), "board " + thread.boardId(),
                    "board " + target.id() + " (" + target.title() + ")", null);
            return updated;
        });
    }

    /** Soft-deletes a thread: it and its posts leave every count; staff can still see and restore it. */
    public ForumThread delete(Actor actor, ThreadId id, String reason) {
        String r = reason == null ? "" : reason.strip();
        Validation.start().require(r.length() <= 500, "reason", "too_long", "reason must be at most 500 characters")
                .noControlCharacters(r, "reason").orThrow();
        return moderate(actor, id, Action.DELETE_THREAD, (thread, me, events) -> {
            if (thread.isDeleted()) {
                throw new ConflictException("the thread is already deleted");
            }
            ForumThread updated = thread.withDeletion(new Deletion(me.id(), ctx.now(), r));
            ctx.storage.threads().update(updated);
            ctx.counters.threadVisibilityChanged(updated, -1);
            events.add(new ForumEvent.ThreadDeleted(id, me.id(), ctx.now()));
            ctx.audit.record(me.id(), AuditAction.THREAD_DELETE, AuditTarget.thread(id), "visible", "deleted", r);
            return updated;
        });
    }

    public ForumThread restore(Actor actor, ThreadId id) {
        return moderate(actor, id, Action.RESTORE_THREAD, (thread, me, events) -> {
            if (!thread.isDeleted()) {
                throw new ConflictException("the thread is not deleted");
            }
            ForumThread updated = thread.withDeletion(null);
            ctx.storage.threads().update(updated);
            ctx.counters.threadVisibilityChanged(updated, +1);
            events.add(new ForumEvent.ThreadRestored(id, me.id(), ctx.now()));
            ctx.audit.record(me.id(), AuditAction.THREAD_RESTORE, AuditTarget.thread(id), "deleted", "visible", null);
            return updated;
        });
    }

    private interface Moderation {
        ForumThread apply(ForumThread thread, Member me, java.util.List<ForumEvent> events);
    }

    private ForumThread moderate(Actor actor, ThreadId id, Action action, Moderation work) {
        return ctx.command(events -> {
            Member me = ctx.requireMember(actor);
            ForumThread found = ctx.storage.threads().byIdForUpdate(id).orElse(null);
            Permissions standing = found == null ? null : ctx.permissions(me, found.boardId());
            ForumThread thread = java.util.Optional.ofNullable(found)
                    .filter(t -> ctx.policy.allows(standing, Action.READ_FORUM, Target.NONE))
                    .filter(t -> !t.isDeleted() || ctx.policy.allows(standing, Action.VIEW_DELETED, Target.NONE))
                    .orElseThrow(() -> new NotFoundException("no thread " + id));
            ctx.policy.check(standing, action, Target.content(thread.starterId().equals(me.id()), thread.locked(), false)
                    .on(thread.boardId()));
            return work.apply(thread, me, events);
        });
    }
}
