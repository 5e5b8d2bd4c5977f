package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.post.LastPost;
import dev.forumkit.core.content.Deletion;

import java.sql.Types;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One column of a table as the adapters see it: its name, its JDBC type (which a NULL needs) and how a row record
 * gives its value. A derived column is written but never read back (a thread's activity time, a member's username
 * key): the mappers build the record from the other columns.
 */
record Column<R>(String name, int sqlType, boolean derived, Function<R, Object> value) {
    Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    static <R> Column<R> bigint(String name, Function<R, Object> value) {
        return new Column<>(name, Types.BIGINT, false, value);
    }

    static <R> Column<R> integer(String name, Function<R, Object> value) {
        return new Column<>(name, Types.INTEGER, false, value);
    }

    static <R> Column<R> text(String name, Function<R, Object> value) {
        return new Column<>(name, Types.VARCHAR, false, value);
    }

    static <R> Column<R> time(String name, Function<R, Object> value) {
        return new Column<>(name, Types.TIMESTAMP_WITH_TIMEZONE, false, value);
    }

    static <R> Column<R> bool(String name, Function<R, Object> value) {
        return new Column<>(name, Types.BOOLEAN, false, value);
    }

    /** The column written but never read back: the mapper builds the record without it. */
    static <R> Column<R> derived(Column<R> column) {
        return new Column<>(column.name, column.sqlType, true, column.value);
    }

    /** {@code deleted_by, deleted_at, deletion_reason}, all null for a row that is not deleted. */
    static <R> List<Column<R>> deletion(Function<R, Deletion> of) {
        return List.of(
                bigint("deleted_by", r -> of.apply(r) == null ? null : of.apply(r).deletedBy().value()),
                time("deleted_at", r -> of.apply(r) == null ? null : of.apply(r).at()),
                text("deletion_reason", r -> of.apply(r) == null ? null : of.apply(r).reason()));
    }

    /** The five {@code last_post_*} columns, all null when there is no last post. */
    static <R> List<Column<R>> lastPost(Function<R, LastPost> of) {
        return List.of(
                bigint("last_post_id", r -> of.apply(r) == null ? null : of.apply(r).postId().value()),
                bigint("last_post_thread_id", r -> of.apply(r) == null ? null : of.apply(r).threadId().value()),
                integer("last_post_number", r -> of.apply(r) == null ? null : of.apply(r).number()),
                bigint("last_post_author_id", r -> of.apply(r) == null ? null : of.apply(r).authorId().value()),
                time("last_post_at", r -> of.apply(r) == null ? null : of.apply(r).at()));
    }
}
