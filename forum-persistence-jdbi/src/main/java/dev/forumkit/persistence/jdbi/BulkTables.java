package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.Category;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.reaction.Reaction;
import dev.forumkit.core.thread.ForumThread;

import java.sql.SQLException;
import java.util.List;

/**
 * The bulk loader's six row batches and their pace: when one batch is full every batch is written, parents before
 * children so foreign keys hold, and every few thousand rows the transaction commits.
 */
final class BulkTables {
    final RowBatch<Member> members;
    final RowBatch<Category> categories;
    final RowBatch<Board> boards;
    final RowBatch<ForumThread> threads;
    final RowBatch<Post> posts;
    final RowBatch<Reaction> reactions;
    private final List<RowBatch<?>> parentsFirst;
    private final BulkSession session;
    private final int batchRows;
    private final int commitRows;
    private long rows;
    private long uncommitted; // batches written since the last commit

    BulkTables(BulkSession session, BulkTuning tuning) {
        this.session = session;
        var c = session.connection();
        var copy = session.copyManager();
        members = RowBatch.of(c, copy, JdbiMembers.TABLE);
        categories = RowBatch.of(c, copy, JdbiCategories.TABLE);
        boards = RowBatch.of(c, copy, JdbiBoards.TABLE);
        threads = RowBatch.of(c, copy, JdbiThreads.TABLE);
        posts = RowBatch.of(c, copy, JdbiPosts.TABLE);
        reactions = RowBatch.of(c, copy, JdbiReactions.TABLE);
        parentsFirst = List.of(members, categories, boards, threads, posts, reactions);
        batchRows = copy != null ? tuning.copyRows() : tuning.insertRows();
        commitRows = tuning.commitRows();
    }

    <R> void add(RowBatch<R> batch, R row) throws SQLException {
        batch.add(row);
        rows++;
        if (batch.pending() >= batchRows) {
            writeAll();
            if (++uncommitted * batchRows >= commitRows) {
                flush();
            }
        }
    }

    /** Rows added so far. */
    long rows() {
        return rows;
    }

    /** Writes every pending row and commits. */
    void flush() throws SQLException {
        writeAll();
        session.commit();
        uncommitted = 0;
    }

    /** Forgets the rows not yet written (after a rollback). */
    void clear() throws SQLException {
        for (RowBatch<?> b : parentsFirst) {
            b.clear();
        }
    }

    void close() throws SQLException {
        for (RowBatch<?> b : parentsFirst) {
            b.close();
        }
    }

    private void writeAll() throws SQLException {
        for (RowBatch<?> b : parentsFirst) {
            b.write();
        }
    }
}
