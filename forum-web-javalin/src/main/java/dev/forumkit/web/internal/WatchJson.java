package dev.forumkit.web.internal;

import dev.forumkit.core.watch.BoardWatch;
import dev.forumkit.core.watch.ThreadWatch;
import dev.forumkit.core.watch.WatchedBoard;
import dev.forumkit.core.watch.WatchedThread;

import java.time.Instant;

/** Watches of threads and boards; a watched thread the viewer may no longer see shows its id only. */
public final class WatchJson {
    private WatchJson() {
    }

    public record ThreadWatchJson(long threadId, boolean email, Instant since) {
        public static ThreadWatchJson from(ThreadWatch w) {
            return new ThreadWatchJson(w.thread().value(), w.email(), w.since());
        }
    }

    public record BoardWatchJson(long boardId, boolean everyPost, boolean email, Instant since) {
        public static BoardWatchJson from(BoardWatch w) {
            return new BoardWatchJson(w.board().value(), w.everyPost(), w.email(), w.since());
        }
    }

    /** {@code title} and {@code slug} are null when the thread was deleted (for non-staff) or is gone. */
    public record WatchedThreadJson(long threadId, String title, String slug, Long boardId, Integer replyCount,
                                    boolean email, Instant since) {
        public static WatchedThreadJson from(WatchedThread w) {
            var t = w.thread();
            return new WatchedThreadJson(w.watch().thread().value(), t == null ? null : t.title(), t == null ? null : t.slug(),
                    t == null ? null : t.boardId().value(), t == null ? null : t.replyCount(), w.watch().email(), w.watch().since());
        }
    }

    public record WatchedBoardJson(long boardId, String title, String slug, boolean everyPost, boolean email, Instant since) {
        public static WatchedBoardJson from(WatchedBoard w) {
            var b = w.board();
            return new WatchedBoardJson(w.watch().board().value(), b == null ? null : b.title(), b == null ? null : b.slug(),
                    w.watch().everyPost(), w.watch().email(), w.watch().since());
        }
    }
}
