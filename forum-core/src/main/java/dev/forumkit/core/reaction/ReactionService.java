package dev.forumkit.core.reaction;

import dev.forumkit.core.Actor;
import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.event.ForumEvent;
import dev.forumkit.core.internal.ServiceContext;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.policy.Action;
import dev.forumkit.core.policy.Permissions;
import dev.forumkit.core.policy.Target;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.thread.ForumThread;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Reacting to posts: one reaction per member per post; a new type replaces the old one. */
public final class ReactionService {
    private final ServiceContext ctx;

    public ReactionService(ServiceContext ctx) {
        this.ctx = ctx;
    }

    public ReactionTypes types() {
        return ctx.reactionTypes;
    }

    /** Sets the actor's reaction on a post (idempotent: the same type twice changes nothing). */
    public ReactionResult react(Actor actor, PostId postId, String type) {
        if (type == null || ctx.reactionTypes.byKey(type).isEmpty()) {
            throw InvalidInputException.of("type", "unknown_reaction", "unknown reaction type: " + type
                    + "; known: " + ctx.reactionTypes.all().stream().map(ReactionType::key).toList());
        }
        return change(actor, postId, type);
    }

    /** Removes the actor's reaction, if any. */
    public ReactionResult unreact(Actor actor, PostId postId) {
        return change(actor, postId, null);
    }

    private ReactionResult change(Actor actor, PostId postId, String newType) {
        return ctx.command(events -> {
            Member me = ctx.requireMember(actor);
            Post post = ctx.storage.posts().byId(postId).orElseThrow(() -> new NotFoundException("no post " + postId));
            // the thread row lock serialises every counter change on this thread's posts and their authors' scores
            ForumThread thread = ctx.storage.threads().byIdForUpdate(post.threadId()).orElseThrow();
            post = ctx.storage.posts().byId(postId).orElseThrow();
            boolean deleted = post.isDeleted() || thread.isDeleted();
            Permissions standing = ctx.permissions(me, thread.boardId());
            if (!ctx.policy.allows(standing, Action.READ_FORUM, Target.NONE)
                    || (deleted && !ctx.policy.allows(standing, Action.VIEW_DELETED, Target.NONE))) {
                throw new NotFoundException("no post " + postId);
            }
            ctx.policy.check(standing, Action.REACT, Target.content(post.authorId().equals(me.id()), thread.locked(), deleted));
            if (newType != null) { // taking a reaction back never waits for verification
                ctx.policy.checkVerified(me, Action.REACT);
            }
            String oldType = ctx.storage.reactions().find(postId, me.id()).map(Reaction::type).orElse(null);
            if (!java.util.Objects.equals(oldType, newType)) {
                Instant now = ctx.now();
                if (newType == null) {
                    ctx.storage.reactions().remove(postId, me.id());
                } else {
                    ctx.storage.reactions().put(new Reaction(postId, me.id(), post.authorId(), newType, now));
                }
                ctx.counters.reactionChanged(post.authorId(), thread.boardId(), oldType, newType);
                events.add(new ForumEvent.ReactionChanged(postId, me.id(), post.authorId(), oldType, newType, now));
            }
            Map<String, Integer> counts = ctx.storage.reactions().countsByPost(List.of(postId)).getOrDefault(postId, Map.of());
            // the author's score as the reacting member may see it: a board hidden from them leaves its part out
            long score = java.util.Optional.ofNullable(dev.forumkit.core.internal.SeenCounters.of(ctx.storage,
                    ctx.hiddenBoards(me), ctx.storage.members().byId(post.authorId()).orElse(null)))
                    .map(Member::reactionScore).orElse(0L);
            return new ReactionResult(postId, counts, newType, post.authorId(), score);
        });
    }
}
