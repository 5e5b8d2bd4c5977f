package dev.forumkit.core.thread;

import dev.forumkit.core.approval.HeldPost;
import dev.forumkit.core.approval.Submitted;
import dev.forumkit.core.audit.AuditAction;
import dev.forumkit.core.audit.AuditTarget;
import dev.forumkit.core.Actor;
import dev.forumkit.core.ConflictException;
import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.Validation;
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
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.post.PostText;
import dev.forumkit.core.post.PostView;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Replying, editing, soft-deleting and restoring posts. */
public final class PostService {
    static final Runnable NO_GATE = () -> { };
    private final ServiceContext ctx;

    public PostService(ServiceContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Adds a reply; its number is the thread's next, taken atomically from the thread row. Returns the new post as
     * its author now sees it, built in the same transaction, so a caller needs no second read to show it.
     */
    public PostView reply(Actor actor, ThreadId threadId, String body) {
        return reply(actor, threadId, body, NO_GATE);
    }

    /**
     * A reply with a gate: {@code admit} runs once the body is valid and before anything is rendered or written, and
     * may throw to refuse (an adapter's rate limit), so a bad post is refused for what it is and never counted.
     */
    public PostView reply(Actor actor, ThreadId threadId, String body, Runnable admit) {
        Submitted<PostView> s = submitReply(actor, threadId, body, admit);
        if (s.isHeld()) {
            // the reply is stored, in the approval queue: a caller that expects a post learns it has none yet
            throw new ConflictException("the reply is held for approval (" + String.join("; ", s.held().reasons()) + ")");
        }
        return s.posted();
    }

    /**
     * A reply that may be held for approval (rules, a moderated board, the spam checks): then it gets no number and
     * counts nowhere, nothing is announced, and {@code held} says so; else it is {@code posted} as by {@link #reply}.
     */
    public Submitted<PostView> submitReply(Actor actor, ThreadId threadId, String body, Runnable admit) {
        String b = PostText.cleanBody(body);
        PostText.body(Validation.start(), b).orThrow();
        admit.run();
        Rendered rendered = ctx.render(b);
        return ctx.command(events -> {
            Member me = ctx.requireMember(actor);
            // what the hold rules read needs no lock: read before the thread's row lock, which replies to it queue on
            dev.forumkit.core.approval.HoldEvidence evidence = ctx.holds.evidence(me);
            // lock the thread row before the checks: a lock or delete cannot slip in between them and the insert
            ForumThread found = ctx.storage.threads().byIdForUpdate(threadId).orElse(null);
            Permissions standing = found == null ? null : ctx.permissions(me, found.boardId());
            ForumThread thread = Optional.ofNullable(found)
                    .filter(t -> ctx.policy.allows(standing, Action.READ_FORUM, Target.NONE))
                    .filter(t -> !t.isDeleted() || ctx.policy.allows(standing, Action.VIEW_DELETED, Target.NONE))
                    .orElseThrow(() -> new NotFoundException("no thread " + threadId));
            ctx.policy.check(standing, Action.REPLY, Target.content(thread.starterId().equals(me.id()), thread.locked(), thread.isDeleted()));
            ctx.policy.checkVerified(me, Action.REPLY);
            java.util.List<String> holdFor = ctx.holds.reasons(me, standing, thread.boardId(), threadId, null, b, ctx.now(), evidence);
            if (!holdFor.isEmpty()) {
                return Submitted.<PostView>held(ctx.holds.hold(HeldPost.reply(thread.boardId(), threadId, me.id(), b, ctx.now(), holdFor)));
            }
            // the number is the locked row's counter plus one; Counters.replied moves the counter from it in the same
            // atomic update as the reply count and last post: never duplicated, never skipped
            int number = dev.forumkit.core.internal.Counters.nextNumber(thread);
            Instant now = ctx.now();
            Post post = ctx.storage.posts().add(Post.withoutId(threadId, number, me.id(), b, now)
                    .withRendering(rendered.html(), rendered.rendererVersion()));
            ctx.counters.replied(thread, post);
            events.add(new ForumEvent.PostCreated(post.id(), threadId, number, me.id(), now, rendered.mentions(), rendered.quotes()));
            // the author is the row read at the start plus what this reply added to it (Counters.replied: one message,
            // when the thread is visible); a new post has no reactions yet
            Member author = dev.forumkit.core.internal.SeenCounters.of(ctx.storage, ctx.hiddenBoards(me),
                    thread.isDeleted() ? me : me.withCounters(me.messageCount() + 1, me.reactionScore()));
            return Submitted.posted(ctx.postViews.of(post, thread, author, Map.of(), null, false, me, standing, now));
        });
    }

    /** Replaces a post's body; the edit time and editor are recorded. Returns the post as the editor now sees it. */
    public PostView edit(Actor actor, PostId postId, String body) {
        String b = PostText.cleanBody(body);
        PostText.body(Validation.start(), b).orThrow();
        Rendered rendered = ctx.render(b);
        return ctx.command(events -> {
            Located at = locate(actor, postId);
            ctx.policy.check(at.standing, Action.EDIT_POST, at.target());
            Post updated = at.post.edited(b, at.me.id(), ctx.now()).withRendering(rendered.html(), rendered.rendererVersion());
            ctx.storage.posts().update(updated);
            events.add(new ForumEvent.PostEdited(postId, at.thread.id(), at.me.id(), ctx.now(), rendered.mentions(), rendered.quotes()));
            if (at.moderates()) {
                ctx.audit.record(at.me.id(), AuditAction.POST_EDIT, AuditTarget.post(postId), at.post.body(), b, null);
            }
            return view(at, updated);
        });
    }

    /** Soft-deletes a reply. The first post goes only with its thread. Returns the post as the deleter now sees it. */
    public PostView delete(Actor actor, PostId postId, String reason) {
        String r = reason == null ? "" : reason.strip();
        Validation.start().require(r.length() <= 500, "reason", "too_long", "reason must be at most 500 characters")
                .noControlCharacters(r, "reason").orThrow();
        return ctx.command(events -> {
            Located at = locate(actor, postId);
            ctx.policy.check(at.standing, Action.DELETE_POST, at.target());
            if (at.post.isFirst()) {
                throw new ConflictException("the first post of a thread cannot be deleted on its own: delete the thread");
            }
            Post updated = at.post.withDeletion(new Deletion(at.me.id(), ctx.now(), r));
            ctx.storage.posts().update(updated);
            ctx.counters.replyVisibilityChanged(at.thread, updated, -1);
            events.add(new ForumEvent.PostDeleted(postId, at.thread.id(), at.me.id(), ctx.now(), updated.authorId()));
            if (at.moderates()) {
                ctx.audit.record(at.me.id(), AuditAction.POST_DELETE, AuditTarget.post(postId), "visible", "deleted", r);
            }
            return view(at, updated);
        });
    }

    /** Brings a soft-deleted reply back. Returns the post as the restorer now sees it. */
    public PostView restore(Actor actor, PostId postId) {
        return ctx.command(events -> {
            Located at = locate(actor, postId);
            ctx.policy.check(at.standing, Action.RESTORE_POST, at.target());
            if (!at.post.isDeleted()) {
                throw new ConflictException("the post is not deleted");
            }
            Post updated = at.post.withDeletion(null);
            ctx.storage.posts().update(updated);
            ctx.counters.replyVisibilityChanged(at.thread, updated, +1);
            events.add(new ForumEvent.PostRestored(postId, at.thread.id(), at.me.id(), ctx.now(), updated.authorId()));
            ctx.audit.record(at.me.id(), AuditAction.POST_RESTORE, AuditTarget.post(postId), "deleted", "visible", null);
            return view(at, updated);
        });
    }

    /**
     * A post and its thread for an edit form: found and allowed exactly as {@link #edit} would be (a hidden post is
     * not found for non-staff; the policy decides the rest), without changing anything.
     */
    public EditablePost editable(Actor actor, PostId postId) {
        return ctx.storage.transactions().readOnly(() -> {
            Located at = locate(actor, postId, false);
            ctx.policy.check(at.standing, Action.EDIT_POST, at.target());
            return new EditablePost(at.post, at.thread);
        });
    }

    /** The changed post as the acting member sees it, read in the command's own transaction. */
    private PostView view(Located at, Post changed) {
        List<PostId> id = List.of(changed.id());
        Member author = dev.forumkit.core.internal.SeenCounters.of(ctx.storage, ctx.hiddenBoards(at.me),
                ctx.storage.members().byId(changed.authorId()).orElse(null));
        return ctx.postViews.of(changed, at.thread, author,
                ctx.storage.reactions().countsByPost(id).getOrDefault(changed.id(), Map.of()),
                ctx.storage.reactions().typesBy(at.me.id(), id).get(changed.id()), false, at.me, at.standing, ctx.now());
    }

    private record Located(Member me, Permissions standing, Post post, ForumThread thread, Instant now) {
        /** Acting on someone else's post as one who moderates the board: moderation, which the audit log records. */
        boolean moderates() {
            return standing.has(Permission.MODERATE) && !post.authorId().equals(me.id());
        }

        Target target() {
            return Target.content(post.authorId().equals(me.id()), thread.locked(), post.isDeleted() || thread.isDeleted())
                    .on(thread.boardId()).aged(java.time.Duration.between(post.createdAt(), now));
        }
    }

    /** Loads actor, post and thread, locking the thread row so counter changes on one thread run one at a time. */
    private Located locate(Actor actor, PostId postId) {
        return locate(actor, postId, true);
    }

    private Located locate(Actor actor, PostId postId, boolean forUpdate) {
        Member me = ctx.requireMember(actor);
        Post post = ctx.storage.posts().byId(postId).orElseThrow(() -> new NotFoundException("no post " + postId));
        ForumThread thread;
        if (forUpdate) {
            thread = ctx.storage.threads().byIdForUpdate(post.threadId()).orElseThrow();
            post = ctx.storage.posts().byId(postId).orElseThrow(); // re-read under the thread lock
        } else {
            thread = ctx.storage.threads().byId(post.threadId()).orElseThrow();
        }
        Permissions standing = ctx.permissions(me, thread.boardId());
        // a post on a board the member may not read, or deleted content they may not see, does not exist for them
        if (!ctx.policy.allows(standing, Action.READ_FORUM, Target.NONE)
                || ((post.isDeleted() || thread.isDeleted()) && !ctx.policy.allows(standing, Action.VIEW_DELETED, Target.NONE))) {
            throw new NotFoundException("no post " + postId);
        }
        return new Located(me, standing, post, thread, ctx.now());
    }
}
