package dev.forumkit.web.internal;

import dev.forumkit.core.content.Deletion;
import dev.forumkit.core.read.ThreadSummary;
import dev.forumkit.core.thread.ForumThread;

import java.time.Instant;

/** A thread in a list or at the top of its page, with what the viewer may do with it. */
public record ThreadJson(long id, long boardId, String boardTitle, String title, String slug, long starterId,
                         String starterName, Instant createdAt, boolean isPinned, boolean isLocked, boolean isDeleted,
                         DeletionJson deletion, int replyCount, long viewCount, BoardJson.LastPostJson lastPost,
                         boolean isUnread, boolean canReply, boolean canReact, boolean canModerate) {

    /** Viewer flags as core's read side decided them, so the API never disagrees with what a command would allow. */
    record Flags(boolean canReply, boolean canReact, boolean canModerate) {
    }

    public static ThreadJson from(ThreadSummary s, boolean staff) {
        return of(s.thread(), s.boardTitle(), s.starterName(), s.lastPosterName(), s.unread(),
                new Flags(s.canReply(), s.canReact(), s.canModerate()), staff);
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
