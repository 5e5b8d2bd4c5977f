package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.content.Deletion;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.LastPost;
import dev.forumkit.core.post.PostId;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.SqlStatement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Column helpers shared by the row mappers. Instants travel as {@link OffsetDateTime} in UTC, never through
 * {@code java.sql.Timestamp}, so the JVM's time zone (and its daylight-saving gaps) cannot shift them.
 */
final class Rows {
    private Rows() {
    }

    static Argument ts(Instant instant) {
        if (instant == null) {
            return (position, statement, ctx) -> statement.setNull(position, Types.TIMESTAMP_WITH_TIMEZONE);
        }
        OffsetDateTime value = instant.atOffset(ZoneOffset.UTC);
        return (position, statement, ctx) -> statement.setObject(position, value);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** The column at a position (1 = first): mappers of hot queries read by position, which is cheaper than by name. */
    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static MemberId memberId(ResultSet rs, int column) throws SQLException {
        Long v = nullableLong(rs, column);
        return v == null ? null : MemberId.of(v);
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static MemberId memberId(ResultSet rs, String column) throws SQLException {
        Long v = nullableLong(rs, column);
        return v == null ? null : MemberId.of(v);
    }

    /** Reads the five {@code last_post_*} columns; null when there is no last post. */
    static LastPost lastPost(ResultSet rs) throws SQLException {
        Long id = nullableLong(rs, "last_post_id");
        if (id == null) {
            return null;
        }
        return new LastPost(PostId.of(id), ThreadId.of(rs.getLong("last_post_thread_id")), rs.getInt("last_post_number"),
                MemberId.of(rs.getLong("last_post_author_id")), instant(rs, "last_post_at"));
    }

    /** The five {@code last_post_*} columns from position {@code first} on (a joined row); null when there is none. */
    static LastPost lastPost(ResultSet rs, int first) throws SQLException {
        Long id = nullableLong(rs, first);
        if (id == null) {
            return null;
        }
        return new LastPost(PostId.of(id), ThreadId.of(rs.getLong(first + 1)), rs.getInt(first + 2),
                MemberId.of(rs.getLong(first + 3)), instant(rs, first + 4));
    }

    /** Binds {@code :lpId, :lpThread, :lpNumber, :lpAuthor, :lpAt} from the pointer (all null for none). */
    static <S extends SqlStatement<S>> S bindLastPost(S statement, LastPost last) {
        return statement
                .bind("lpId", last == null ? null : last.postId().value())
                .bind("lpThread", last == null ? null : last.threadId().value())
                .bind("lpNumber", last == null ? null : last.number())
                .bind("lpAuthor", last == null ? null : last.authorId().value())
                .bind("lpAt", ts(last == null ? null : last.at()));
    }

    static final String SET_LAST_POST = "last_post_id = :lpId, last_post_thread_id = :lpThread, "
            + "last_post_number = :lpNumber, last_post_author_id = :lpAuthor, last_post_at = :lpAt";

    /** {@link #SET_LAST_POST} with placeholders, for a held-back write; its values come from {@link #lastPostArgs}. */
    static final String SET_LAST_POST_ARGS = "last_post_id = ?, last_post_thread_id = ?, last_post_number = ?,"
            + " last_post_author_id = ?, last_post_at = ?";

    /** The values of {@link #SET_LAST_POST_ARGS} in order, then {@code more}. */
    static Object[] lastPostArgs(LastPost last, Object... more) {
        Object[] args = new Object[5 + more.length];
        if (last != null) {
            args[0] = last.postId().value();
            args[1] = last.threadId().value();
            args[2] = last.number();
            args[3] = last.authorId().value();
            args[4] = last.at().atOffset(ZoneOffset.UTC);
        }
        System.arraycopy(more, 0, args, 5, more.length);
        return args;
    }

    static Deletion deletion(ResultSet rs) throws SQLException {
        Instant at = instant(rs, "deleted_at");
        return at == null ? null : new Deletion(MemberId.of(rs.getLong("deleted_by")), at, rs.getString("deletion_reason"));
    }

    static <S extends SqlStatement<S>> S bindDeletion(S statement, Deletion d) {
        return statement
                .bind("deletedBy", d == null ? null : d.deletedBy().value())
                .bind("deletedAt", ts(d == null ? null : d.at()))
                .bind("deletionReason", d == null ? null : d.reason());
    }

    private static final String[] MARKS = new String[65];

    static {
        StringBuilder b = new StringBuilder("?");
        for (int n = 1; n < MARKS.length; n++) {
            MARKS[n] = b.toString();
            b.append(", ?");
        }
    }

    /**
     * {@code ?, ?, ?} for an IN list of {@code n} values, bound by position with {@link #bindLongs}: a thread page's
     * IN lists (its authors, its posts' reaction counts) without Jdbi's {@code <ids>} template and {@code bindList},
     * whose per-element named binding and argument lookup cost more than H2's work on the rows (task pageread).
     */
    static String marks(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("an IN list needs values");
        }
        return n < MARKS.length ? MARKS[n] : String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    /** Sets {@code values} as a plain statement's parameters 1, 2, ... (an IN list of {@link #marks}). */
    static void setLongs(java.sql.PreparedStatement statement, java.util.List<Long> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            statement.setLong(i + 1, values.get(i));
        }
    }

    /**
     * Binds {@code values} to positions {@code from}, {@code from + 1}, ... with Jdbi's primitive {@code bind(int, long)}
     * (measured cheaper than binding an {@link Argument} lambda per value, which allocated 2 KB more per 20 values).
     */
    static <S extends SqlStatement<S>> S bindLongs(S statement, int from, java.util.List<Long> values) {
        for (int i = 0; i < values.size(); i++) {
            statement.bind(from + i, (long) values.get(i));
        }
        return statement;
    }
}
