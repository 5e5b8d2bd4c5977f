package dev.forumkit.core.board;

import java.util.List;
import java.util.Optional;

/** Storage port for categories. */
public interface Categories {
    Category add(Category category);

    Optional<Category> byId(CategoryId id);

    /** Every category by display order, then id. */
    List<Category> all();

    void update(Category category);
}
