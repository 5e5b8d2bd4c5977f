package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.board.Categories;
import dev.forumkit.core.board.Category;
import dev.forumkit.core.board.CategoryId;
import org.jdbi.v3.core.mapper.RowMapper;

import java.sql.ResultSet;
import java.sql.SQLException;

import java.util.List;
import java.util.Optional;

import static dev.forumkit.persistence.jdbi.Column.bigint;
import static dev.forumkit.persistence.jdbi.Column.integer;
import static dev.forumkit.persistence.jdbi.Column.text;

final class JdbiCategories implements Categories {
    /** The categories table; the bulk loader writes the same list. */
    static final Table<Category> TABLE = Table.<Category>named("categories")
            .column(bigint("id", c -> c.id().value()))
            .column(text("title", Category::title))
            .column(text("description", Category::description))
            .column(integer("display_order", Category::displayOrder))
            .build();
    private static final String SELECT = "SELECT " + TABLE.select() + " FROM categories";
    static final RowMapper<Category> MAPPER = (rs, ctx) -> new Category(CategoryId.of(rs.getLong("id")),
            rs.getString("title"), rs.getString("description"), rs.getInt("display_order"));

    /** A category's columns from position {@code first} on, in {@link #TABLE}'s order (a joined row, by position). */
    static Category at(ResultSet rs, int first) throws SQLException {
        return new Category(CategoryId.of(rs.getLong(first)), rs.getString(first + 1), rs.getString(first + 2),
                rs.getInt(first + 3));
    }

    private final JdbiTransactions db;

    JdbiCategories(JdbiTransactions db) {
        this.db = db;
    }

    @Override
    public Category add(Category category) {
        String sql = db.dialect().returning(
                "INSERT INTO categories (title, description, display_order) VALUES (:title, :description, :order)", "id");
        long id = db.with(h -> h.createQuery(sql).bind("title", category.title()).bind("description", category.description())
                .bind("order", category.displayOrder()).mapTo(Long.class).one());
        return category.withId(CategoryId.of(id));
    }

    @Override
    public Optional<Category> byId(CategoryId id) {
        return db.with(h -> h.createQuery(SELECT + " WHERE id = :id")
                .bind("id", id.value()).map(MAPPER).findOne());
    }

    @Override
    public List<Category> all() {
        return db.with(h -> h.createQuery(SELECT + " ORDER BY display_order, id").map(MAPPER).list());
    }

    @Override
    public void update(Category category) {
        int n = db.with(h -> h.createUpdate("UPDATE categories SET title = :title, description = :description,"
                        + " display_order = :order WHERE id = :id")
                .bind("title", category.title()).bind("description", category.description())
                .bind("order", category.displayOrder()).bind("id", category.id().value()).execute());
        if (n == 0) {
            throw new NotFoundException("no category " + category.id());
        }
    }
}
