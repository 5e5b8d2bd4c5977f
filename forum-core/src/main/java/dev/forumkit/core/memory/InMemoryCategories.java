package dev.forumkit.core.memory;

import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.board.Categories;
import dev.forumkit.core.board.Category;
import dev.forumkit.core.board.CategoryId;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

final class InMemoryCategories implements Categories {
    private final Tables db;
    private final Tables.TxMap<Long, Category> categories;

    InMemoryCategories(Tables db) {
        this.db = db;
        this.categories = db.map();
    }


    @Override
    public Category add(Category category) {
        return db.write(() -> {
            Category stored = category.withId(CategoryId.of(db.nextId()));
            categories.put(stored.id().value(), stored);
            return stored;
        });
    }

    @Override
    public Optional<Category> byId(CategoryId id) {
        return db.read(() -> Optional.ofNullable(categories.get(id.value())));
    }

    @Override
    public List<Category> all() {
        return db.read(() -> categories.values().stream()
                .sorted(Comparator.comparingInt(Category::displayOrder).thenComparingLong(c -> c.id().value())).toList());
    }

    @Override
    public void update(Category category) {
        db.run(() -> {
            if (categories.get(category.id().value()) == null) {
                throw new NotFoundException("no category " + category.id());
            }
            categories.put(category.id().value(), category);
        });
    }
}
