package dev.forumkit.core.apikey;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What an API key may do: {@code resource:action}, e.g. {@code thread:read} or {@code post:write}. A key needs the
 * scope of each route it calls, on top of what the member it acts as may do.
 */
public record Scope(String resource, String action) {
    private static final Pattern PART = Pattern.compile("[a-z][a-z_]{0,31}");

    public Scope {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(action, "action");
        if (!PART.matcher(resource).matches() || !PART.matcher(action).matches()) {
            throw new IllegalArgumentException("a scope is resource:action in lower-case letters: " + resource + ":" + action);
        }
    }

    /** Parses {@code resource:action}; anything else is an IllegalArgumentException naming the text. */
    public static Scope parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a scope is required");
        }
        String[] parts = text.strip().split(":", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("a scope is resource:action, not " + text);
        }
        return new Scope(parts[0], parts[1]);
    }

    @Override
    public String toString() {
        return resource + ":" + action;
    }
}
