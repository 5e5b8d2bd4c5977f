package dev.forumkit.core.post;

import dev.forumkit.core.Actor;
import dev.forumkit.core.ConflictException;
import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.Validation;
import dev.forumkit.core.event.ForumEvent;
import dev.forumkit.core.internal.ServiceContext;
import dev.forumkit.core.markup.Rendered;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.policy.Action;
import dev.forumkit.core.policy.Standing;
import dev.forumkit.core.policy.Target;
import dev.forumkit.core.thread.Deletion;
import dev.forumkit.core.thread.ForumThread;
import dev.forumkit.core.thread.ThreadId;

import java.time.Instant;

/** Replying, editing, soft-deleting and restoring posts. */
public final class PostService {
    private final ServiceContext ctx;

    public PostService(ServiceContext ctx) {
        this.ctx = ctx;
    }

    /** Adds a reply; its number is the thread's next, taken atomically from the thread row. */
    public Post reply(Actor actor, ThreadId threadId, String body) {
        String b = PostText.cleanBody(body);
        PostText.body(Validation.start(), b).orThrow();
        Rendered rendered = ctx.render(b);
        return ctx.command(events -> {
            Member me = ctx.requireMember(actor);
            Standing standing = ctx.standing(me);
            // lock the thread row first: a lock or delete cannot slip in between this check and the insert
            ForumThread thread = ctx.storage.threads().byIdForUpdate(threadId)
                    .filter(t -> !t.isDeleted() || standing.isStaff())
                    .orElseThrow(() -> new NotFoundException("no thread " + threadId));
            ctx.policy.check(standing, Action.REPLY, Target.content(thread.starterId().equals(me.id()), thread.locked(), thread.isDeleted()));
            // the number comes from an atomic update of the thread row: never duplicated, never skipped
            int number = ctx.storage.threads().allocatePostNumber(threadId);
            Instant now = ctx.now();
            Post post = ctx.storage.posts().add(Post.withoutId(threadId, number, me.id(), b, now)
                    .withRendering(rendered.html(), rendered.rendererVersion()));
            ctx.counters.replied(thread, post);
            events.add(new ForumEvent.PostCreated(post.id(), threadId, number, me.id(), now, rendered.mentions(), rendered.quotes()));
            return post;
        });
    }

    /** Replaces a post's body; the edit time and editor are recorded. */
    public Post edit(Actor actor, PostId postId, String body) {
        String b = PostText.cleanBody(body);
        PostText.body(Validation.start(), b).orThrow();
        Rendered rendered = ctx.render(b);
        return ctx.command(events -> {
            Located at = locate(actor, postId);
            ctx.policy.check(at.standing, Action.EDIT_POST, at.target());
            Post updated = at.post.edited(b, at.me.id(), ctx.now()).withRendering(rendered.html(), rendered.rendererVersion());
            ctx.storage.posts().update(updated);
            events.add(new ForumEvent.PostEdited(postId, at.thread.id(), at.me.id(), ctx.now(), rendered.mentions(), rendered.quotes()));
            return updated;
        });
    }

    /** Soft-deletes a reply. The first post goes only with its thread. */
    public Post delete(Actor actor, PostId postId, String reason) {
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
            events.add(new ForumEvent.PostDeleted(postId, at.thread.id(), at.me.id(), ctx.now()));
            return updated;
        });
    }

    public Post restore(Actor actor, PostId postId) {
        return ctx.command(events -> {
            Located at = locate(actor, postId);
            ctx.policy.check(at.standing, Action.RESTORE_POST, at.target());
            if (!at.post.isDeleted()) {
                throw new ConflictException("the post is not deleted");
            }
            Post updated = at.post.withDeletion(null);
            ctx.storage.posts().update(updated);
            ctx.counters.replyVisibilityChanged(at.thread, updated, +1);
            events.add(new ForumEvent.PostRestored(postId, at.thread.id(), at.me.id(), ctx.now()));
            return updated;
        });
    }

    private record Located(Member me, Standing standing, Post post, ForumThread thread) {
        Target target() {
            return Target.content(post.authorId().equals(me.id()), thread.locked(), post.isDeleted() || thread.isDeleted());
        }
    }

    /** Loads actor, post and thread, locking the thread row so counter changes on one thread run one at a time. */
    private Located locate(Actor actor, PostId postId) {
        Member me = ctx.requireMember(actor);
        Standing standing = ctx.standing(me);
        Post post = ctx.storage.posts().byId(postId).orElseThrow(() -> new NotFoundException("no post " + postId));
        ForumThread thread = ctx.storage.threads().byIdForUpdate(post.threadId()).orElseThrow();
        post = ctx.storage.posts().byId(postId).orElseThrow(); // re-read under the thread lock
        if ((post.isDeleted() || thread.isDeleted()) && !standing.isStaff()) {
            throw new NotFoundException("no post " + postId);
        }
        return new Located(me, standing, post, thread);
    }
}
