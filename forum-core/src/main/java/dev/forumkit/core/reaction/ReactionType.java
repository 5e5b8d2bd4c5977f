package dev.forumkit.core.reaction;

import java.util.Objects;

/** A kind of reaction ("like") with the weight it adds to the receiver's reaction score. */
public record ReactionType(String key, String label, int weight) {
    public ReactionType {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        if (!key.matches("[a-z][a-z0-9_]{0,31}")) {
            throw new IllegalArgumentException("reaction key must be lower-case letters, digits or _: " + key);
        }
    }
}
