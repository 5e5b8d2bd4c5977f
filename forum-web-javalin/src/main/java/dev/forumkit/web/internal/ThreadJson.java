package dev.forumkit.web.internal;

import dev.forumkit.core.content.Deletion;
import dev.forumkit.core.policy.Action;
import dev.forumkit.core.policy.Policy;
import dev.forumkit.core.policy.Standing;
import dev.forumkit.core.policy.Target;
import dev.forumkit.core.read.ThreadSummary;
import dev.forumkit.core.thread.ForumThread;

import java.time.Instant;

/** A thread in a list or at the top of its page, with what the viewer may do with it. */
public record ThreadJson(long id, long boardId, String boardTitle, String title, String slug, long starterId,
                         String starterName, Instant createdAt, boolean isPinned, boolean isLocked, boolean isDeleted,
                         DeletionJson deletion, int replyCount, long viewCount, BoardJson.LastPostJson lastPost,
                         boolean isUnread, boolean canReply, boolean canReact, boolean canModerate) {

    /** Viewer flags from core's policy, so the API never disagrees with what a command would allow. */
    record Flags(boolean canReply, boolean canReact, boolean canModerate) {
        static Flags of(Policy policy, Standing who, ForumThread t, boolean own) {
            Target target = Target.content(own, t.locked(), t.isDeleted());
            return new Flags(policy.allows(who, Action.REPLY, target),
                    policy.allows(who, Action.REACT, Target.content(false, t.locked(), t.isDeleted())),
                    policy.allows(who, Action.LOCK_THREAD, target));
        }
    }

    public static ThreadJson from(ThreadSummary s, Policy policy, Viewer viewer) {
        ForumThread t = s.thread();
        boolean own = !viewer.isGuest() && t.starterId().equals(viewer.member().id());
        return of(t, s.boardTitle(), s.starterName(), s.lastPosterName(), s.unread(),
                Flags.of(policy, viewer.standing(), t, own), viewer.standing().isStaff());
    }

    static ThreadJson of(ForumThread t, String boardTitle, String starterName, String lastPosterName, boolean unread,
                         Flags flags, boolean staff) {
        return new ThreadJson(t.id().value(), t.boardId().value(), boardTitle, t.title(), t.slug(), t.starterId().value(),
                starterName, t.createdAt(), t.pinned(), t.locked(), t.isDeleted(),
                staff ? DeletionJson.from(t.deletion()) : null, t.replyCount(), t.viewCount(),
                BoardJson.LastPostJson.from(t.lastPost(), t.title(), lastPosterName), unread,
                flags.canReply(), flags.canReact(), flags.canModerate());
    }

    /** Who deleted a thread or post, when and why; shown to staff. */
    public record DeletionJson(long deletedBy, Instant at, String reason) {
        public static DeletionJson from(Deletion d) {
            return d == null ? null : new DeletionJson(d.deletedBy().value(), d.at(), d.reason());
        }
    }
}
