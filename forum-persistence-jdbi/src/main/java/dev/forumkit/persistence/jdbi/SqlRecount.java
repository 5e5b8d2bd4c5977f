package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.reaction.ReactionType;
import dev.forumkit.core.reaction.ReactionTypes;
import org.jdbi.v3.core.Handle;

import java.util.logging.Logger;

/**
 * Every counter recomputed by a few set-based statements (the rules of the core's RecountService, in SQL) for a
 * bulk load, where a row-by-row recount would take minutes: aggregates grouped by thread and by author are
 * merged into the rows. A post is visible when neither it nor its thread is deleted; thread counters count the
 * thread's not-deleted posts whatever the thread's own state. MERGE needs PostgreSQL 15 or later.
 */
final class SqlRecount {
    private static final Logger LOG = Logger.getLogger(SqlRecount.class.getName());
    private SqlRecount() {
    }

    static void run(Handle h, ReactionTypes types) {
        // threads without any post: no replies, no last post
        exec(h, "UPDATE threads SET reply_count = 0, last_post_id = NULL, last_post_thread_id = NULL, last_post_number = NULL,"
                + " last_post_author_id = NULL, last_post_at = NULL, activity_at = created_at"
                + " WHERE NOT EXISTS (SELECT 1 FROM posts p WHERE p.thread_id = threads.id)");
        // every other thread: highest number ever given, visible posts, and the visible post with the highest number
        exec(h, "MERGE INTO threads t USING ("
                + "SELECT a.thread_id, a.top, a.visible, p.id, p.number, p.author_id, p.created_at FROM ("
                + "SELECT thread_id, MAX(number) AS top, SUM(CASE WHEN deleted_at IS NULL THEN 1 ELSE 0 END) AS visible,"
                + " MAX(CASE WHEN deleted_at IS NULL THEN number END) AS last FROM posts GROUP BY thread_id) a"
                + " LEFT JOIN posts p ON p.thread_id = a.thread_id AND p.number = a.last) s ON t.id = s.thread_id"
                + " WHEN MATCHED THEN UPDATE SET post_counter = GREATEST(t.post_counter, s.top),"
                + " reply_count = GREATEST(s.visible - 1, 0), last_post_id = s.id,"
                + " last_post_thread_id = CASE WHEN s.id IS NULL THEN NULL ELSE s.thread_id END,"
                + " last_post_number = s.number, last_post_author_id = s.author_id, last_post_at = s.created_at,"
                + " activity_at = COALESCE(s.created_at, t.created_at)");
        exec(h, "UPDATE boards SET thread_count = (SELECT COUNT(*) FROM threads t WHERE t.board_id = boards.id"
                + " AND t.deleted_at IS NULL), post_count = (SELECT COALESCE(SUM(t.reply_count + 1), 0) FROM threads t"
                + " WHERE t.board_id = boards.id AND t.deleted_at IS NULL AND t.last_post_id IS NOT NULL)");
        exec(h, "UPDATE boards SET (last_post_id, last_post_thread_id, last_post_number, last_post_author_id, last_post_at) = ("
                + "SELECT t.last_post_id, t.last_post_thread_id, t.last_post_number, t.last_post_author_id, t.last_post_at"
                + " FROM threads t WHERE t.board_id = boards.id AND t.deleted_at IS NULL AND t.last_post_id IS NOT NULL"
                + " ORDER BY t.last_post_id DESC FETCH FIRST 1 ROW ONLY)"); // newest by id, as LastPost.isNewerThan
        exec(h, "UPDATE members SET message_count = 0, reaction_score = 0 WHERE message_count <> 0 OR reaction_score <> 0");
        exec(h, "MERGE INTO members m USING (SELECT p.author_id, COUNT(*) AS n FROM posts p JOIN threads t ON t.id = p.thread_id"
                + " WHERE p.deleted_at IS NULL AND t.deleted_at IS NULL GROUP BY p.author_id) s ON m.id = s.author_id"
                + " WHEN MATCHED THEN UPDATE SET message_count = s.n");
        exec(h, "MERGE INTO members m USING (SELECT p.author_id, SUM(" + weight(types) + ") AS score FROM reactions r"
                + " JOIN posts p ON p.id = r.post_id JOIN threads t ON t.id = p.thread_id"
                + " WHERE p.deleted_at IS NULL AND t.deleted_at IS NULL GROUP BY p.author_id) s ON m.id = s.author_id"
                + " WHEN MATCHED THEN UPDATE SET reaction_score = s.score");
        boardCounts(h, types);
    }

    /** The members' counters by board, rebuilt from the rows (the split of the totals that the step above wrote). */
    static void boardCounts(Handle h, ReactionTypes types) {
        exec(h, "DELETE FROM member_board_counts");
        exec(h, "INSERT INTO member_board_counts (member_id, board_id, message_count, reaction_score)"
                + " SELECT a.author_id, a.board_id, SUM(a.n), SUM(a.score) FROM ("
                + "SELECT p.author_id, t.board_id, COUNT(*) AS n, 0 AS score FROM posts p JOIN threads t ON t.id = p.thread_id"
                + " WHERE p.deleted_at IS NULL AND t.deleted_at IS NULL GROUP BY p.author_id, t.board_id"
                + " UNION ALL SELECT p.author_id, t.board_id, 0 AS n, SUM(" + weight(types) + ") AS score FROM reactions r"
                + " JOIN posts p ON p.id = r.post_id JOIN threads t ON t.id = p.thread_id"
                + " WHERE p.deleted_at IS NULL AND t.deleted_at IS NULL GROUP BY p.author_id, t.board_id) a"
                + " GROUP BY a.author_id, a.board_id");
    }

    private static void exec(Handle h, String sql) {
        long t0 = System.nanoTime();
        h.execute(sql);
        LOG.fine(() -> String.format("%.1f s: %s", (System.nanoTime() - t0) / 1e9, sql.substring(0, Math.min(60, sql.length()))));
    }

    /** The weight of {@code r.type} as SQL; keys are lower-case letters, digits and _ (checked by ReactionType). */
    private static String weight(ReactionTypes types) {
        StringBuilder sql = new StringBuilder("CASE r.type");
        for (ReactionType t : types.all()) {
            sql.append(" WHEN '").append(t.key()).append("' THEN ").append(t.weight());
        }
        return sql.append(" ELSE 0 END").toString();
    }
}
