package dev.forumkit.web.internal;

import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.Category;
import dev.forumkit.core.post.LastPost;

import java.time.Instant;

/** A board with its counters and last post; the guest notice is shown to guests only. */
public record BoardJson(long id, long categoryId, String title, String slug, String description, String guestNotice,
                        int displayOrder, int threadCount, long postCount, LastPostJson lastPost,
                        boolean canStartThread) {

    public static BoardJson from(Board b, boolean guest, String lastThreadTitle, String lastPosterName, boolean canStart) {
        return new BoardJson(b.id().value(), b.categoryId().value(), b.title(), b.slug(), b.description(),
                guest ? b.guestNotice() : null, b.displayOrder(), b.threadCount(), b.postCount(),
                LastPostJson.from(b.lastPost(), lastThreadTitle, lastPosterName), canStart);
    }

    /** For admins after a change: every field, guest notice included. */
    public static BoardJson full(Board b) {
        return new BoardJson(b.id().value(), b.categoryId().value(), b.title(), b.slug(), b.description(),
                b.guestNotice(), b.displayOrder(), b.threadCount(), b.postCount(), LastPostJson.from(b.lastPost(), null, null),
                true);
    }

    /**
     * A board as a thread page shows it: without its counters and last post, which every reply anywhere in the board
     * changes (they are on the board's own routes). So a cached thread page depends on its own thread, not on every
     * thread of its board (docs/performance.md, "Guest page cache invalidated per thread").
     */
    public record Brief(long id, long categoryId, String title, String slug, String description, String guestNotice,
                        int displayOrder, boolean canStartThread) {
        public static Brief from(Board b, boolean guest, boolean canStart) {
            return new Brief(b.id().value(), b.categoryId().value(), b.title(), b.slug(), b.description(),
                    guest ? b.guestNotice() : null, b.displayOrder(), canStart);
        }
    }

    public record CategoryJson(long id, String title, String description, int displayOrder) {
        public static CategoryJson from(Category c) {
            return new CategoryJson(c.id().value(), c.title(), c.description(), c.displayOrder());
        }
    }

    /** The newest visible post of a board or thread; names are null where the view does not know them. */
    public record LastPostJson(long postId, long threadId, String threadTitle, int number, long authorId,
                               String authorName, Instant at) {
        public static LastPostJson from(LastPost p, String threadTitle, String authorName) {
            return p == null ? null : new LastPostJson(p.postId().value(), p.threadId().value(), threadTitle, p.number(),
                    p.authorId().value(), authorName, p.at());
        }
    }
}
