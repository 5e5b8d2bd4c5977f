package dev.forumkit.persistence.jdbi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A table's columns in one list, shared by an adapter's queries and the bulk loader so that neither writes them
 * again. The order is the order the adapter's row mapper reads by position; derived columns are left out of
 * {@link #select()}.
 */
record Table<R>(String name, List<Column<R>> columns) {
    Table {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a table needs columns: " + name);
        }
    }

    static <R> Builder<R> named(String name) {
        return new Builder<>(name);
    }

    /** Collects the columns in order; the row type comes from the first use, so the lambdas need no casts. */
    static final class Builder<R> {
        private final String name;
        private final List<Column<R>> columns = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        Builder<R> column(Column<R> column) {
            columns.add(column);
            return this;
        }

        /** A group such as {@link Column#deletion} or {@link Column#lastPost}. */
        Builder<R> columns(List<Column<R>> group) {
            columns.addAll(group);
            return this;
        }

        Table<R> build() {
            return new Table<>(name, columns);
        }
    }

    /** The columns a mapper reads, in its order: {@code id, thread_id, ...}. */
    String select() {
        return select("");
    }

    /** The same, each name prefixed with {@code alias.} (for a join). */
    String select(String alias) {
        String prefix = alias.isEmpty() ? "" : alias + ".";
        return columns.stream().filter(c -> !c.derived()).map(c -> prefix + c.name()).collect(Collectors.joining(", "));
    }

    /** How many columns {@link #select()} names: where the next table's columns start in a join's row. */
    int selected() {
        return (int) columns.stream().filter(c -> !c.derived()).count();
    }

    /** Every column, derived ones included, for writing whole rows. */
    String all() {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    String insert() {
        return "INSERT INTO " + name + " (" + all() + ") VALUES (" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
    }

    /** PostgreSQL's COPY of whole rows in text format. */
    String copy() {
        return "COPY " + name + " (" + all() + ") FROM STDIN";
    }
}
