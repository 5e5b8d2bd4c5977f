package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.reaction.ReactionType;
import dev.forumkit.core.reaction.ReactionTypes;
import org.jdbi.v3.core.Handle;

/**
 * Every counter recomputed by a few set-based statements (the rules of the core's RecountService, in SQL): for
 * a bulk load, where a row-by-row recount would take minutes. A post is visible when neither it nor its thread
 * is deleted; thread counters count the thread's not-deleted posts whatever the thread's own state.
 */
final class SqlRecount {
    private static final String THREAD_LAST_POST = "SELECT p.id, p.thread_id, p.number, p.author_id, p.created_at"
            + " FROM posts p WHERE p.thread_id = threads.id AND p.deleted_at IS NULL ORDER BY p.number DESC FETCH FIRST 1 ROW ONLY";
    private static final String BOARD_LAST_POST = "SELECT t.last_post_id, t.last_post_thread_id, t.last_post_number,"
            + " t.last_post_author_id, t.last_post_at FROM threads t WHERE t.board_id = boards.id AND t.deleted_at IS NULL"
            + " AND t.last_post_id IS NOT NULL ORDER BY t.last_post_at DESC, t.last_post_id DESC FETCH FIRST 1 ROW ONLY";
    private static final String LAST_POST_COLUMNS =
            "(last_post_id, last_post_thread_id, last_post_number, last_post_author_id, last_post_at)";

    private SqlRecount() {
    }

    static void run(Handle h, ReactionTypes types) {
        h.execute("UPDATE threads SET post_counter = GREATEST(post_counter,"
                + " COALESCE((SELECT MAX(p.number) FROM posts p WHERE p.thread_id = threads.id), 0))");
        h.execute("UPDATE threads SET reply_count = (SELECT GREATEST(COUNT(*) - 1, 0) FROM posts p"
                + " WHERE p.thread_id = threads.id AND p.deleted_at IS NULL)");
        h.execute("UPDATE threads SET " + LAST_POST_COLUMNS + " = (" + THREAD_LAST_POST + ")");
        h.execute("UPDATE threads SET activity_at = COALESCE(last_post_at, created_at)");
        h.execute("UPDATE boards SET thread_count = (SELECT COUNT(*) FROM threads t WHERE t.board_id = boards.id"
                + " AND t.deleted_at IS NULL), post_count = (SELECT COALESCE(SUM(t.reply_count + 1), 0) FROM threads t"
                + " WHERE t.board_id = boards.id AND t.deleted_at IS NULL AND t.last_post_id IS NOT NULL)");
        h.execute("UPDATE boards SET " + LAST_POST_COLUMNS + " = (" + BOARD_LAST_POST + ")");
        h.execute("UPDATE members SET message_count = (SELECT COUNT(*) FROM posts p JOIN threads t ON t.id = p.thread_id"
                + " WHERE p.author_id = members.id AND p.deleted_at IS NULL AND t.deleted_at IS NULL),"
                + " reaction_score = (SELECT COALESCE(SUM(" + weight(types) + "), 0) FROM reactions r"
                + " JOIN posts p ON p.id = r.post_id JOIN threads t ON t.id = p.thread_id"
                + " WHERE p.author_id = members.id AND p.deleted_at IS NULL AND t.deleted_at IS NULL)");
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
