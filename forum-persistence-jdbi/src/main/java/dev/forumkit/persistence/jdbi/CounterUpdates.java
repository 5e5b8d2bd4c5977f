package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.post.LastPost;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Map;

import static dev.forumkit.persistence.jdbi.InsertBatch.set;

/**
 * Writes the counters a load into an empty forum kept in memory, as batched updates: one per thread, board and
 * member that has any (the rows went in with zeros). Used where the parents were not held back (PostgreSQL; H2 with
 * {@code forumkit.bulk.deferParents=false}).
 */
final class CounterUpdates {
    private static final int BATCH = 1_000;

    private CounterUpdates() {
    }

    static void write(Connection c, LoadCounters counters) throws SQLException {
        threads(c, counters);
        boards(c, counters);
        members(c, counters);
    }

    private static void threads(Connection c, LoadCounters counters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE threads SET post_counter = ?, reply_count = ?, last_post_id = ?,"
                + " last_post_thread_id = ?, last_post_number = ?, last_post_author_id = ?, last_post_at = ?, activity_at = ?"
                + " WHERE id = ?")) {
            int pending = 0;
            for (long id = 1; id <= counters.threadCount(); id++) {
                LoadCounters.ThreadTally t = counters.thread(id);
                if (t.postCounter == 0) {
                    continue; // no posts: the row as inserted is right
                }
                LastPost last = t.last;
                set(s, 1, t.postCounter, Types.INTEGER);
                set(s, 2, t.replies(), Types.INTEGER);
                setLastPost(s, 3, last);
                set(s, 8, last == null ? t.createdAt : last.at(), Types.TIMESTAMP_WITH_TIMEZONE);
                set(s, 9, id, Types.BIGINT);
                s.addBatch();
                if (++pending % BATCH == 0) {
                    s.executeBatch();
                }
            }
            s.executeBatch();
        }
    }

    private static void boards(Connection c, LoadCounters counters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE boards SET thread_count = ?, post_count = ?, last_post_id = ?,"
                + " last_post_thread_id = ?, last_post_number = ?, last_post_author_id = ?, last_post_at = ? WHERE id = ?")) {
            for (Map.Entry<Long, LoadCounters.BoardTally> e : counters.boards().entrySet()) {
                set(s, 1, e.getValue().threads, Types.INTEGER);
                set(s, 2, e.getValue().posts, Types.BIGINT);
                setLastPost(s, 3, e.getValue().last);
                set(s, 8, e.getKey(), Types.BIGINT);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static void members(Connection c, LoadCounters counters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE members SET message_count = ?, reaction_score = ? WHERE id = ?")) {
            int pending = 0;
            for (long id = 1; id <= counters.memberCount(); id++) {
                if (counters.messages(id) == 0 && counters.score(id) == 0) {
                    continue;
                }
                set(s, 1, counters.messages(id), Types.INTEGER);
                set(s, 2, counters.score(id), Types.BIGINT);
                set(s, 3, id, Types.BIGINT);
                s.addBatch();
                if (++pending % BATCH == 0) {
                    s.executeBatch();
                }
            }
            s.executeBatch();
        }
    }

    /** The five last-post columns from {@code index} on. */
    private static void setLastPost(PreparedStatement s, int index, LastPost last) throws SQLException {
        set(s, index, last == null ? null : last.postId().value(), Types.BIGINT);
        set(s, index + 1, last == null ? null : last.threadId().value(), Types.BIGINT);
        set(s, index + 2, last == null ? null : last.number(), Types.INTEGER);
        set(s, index + 3, last == null ? null : last.authorId().value(), Types.BIGINT);
        set(s, index + 4, last == null ? null : last.at(), Types.TIMESTAMP_WITH_TIMEZONE);
    }
}
