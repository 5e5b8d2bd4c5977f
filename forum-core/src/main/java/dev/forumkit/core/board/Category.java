package dev.forumkit.core.board;

import java.util.Objects;

/** Groups boards on the board index. */
public record Category(CategoryId id, String title, String description, int displayOrder) {
    public Category {
        Objects.requireNonNull(title, "title");
    }

    public static Category withoutId(String title, String description, int displayOrder) {
        return new Category(null, title, description, displayOrder);
    }

    public Category withId(CategoryId newId) {
        return new Category(newId, title, description, displayOrder);
    }
}
