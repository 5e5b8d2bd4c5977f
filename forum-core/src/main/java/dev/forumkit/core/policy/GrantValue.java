package dev.forumkit.core.policy;

/**
 * One cell of the grid. {@code NEVER} beats every allow from any group; {@code DENY} is overridden by an
 * {@code ALLOW} from another group; an unset cell inherits (board from category, category from the global row).
 */
public enum GrantValue {
    ALLOW, DENY, NEVER;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses {@link #key()}; null for anything else (including "inherit", which is the absence of a grant). */
    public static GrantValue parse(String key) {
        if (key == null) {
            return null;
        }
        for (GrantValue v : values()) {
            if (v.key().equalsIgnoreCase(key.strip())) {
                return v;
            }
        }
        return null;
    }
}
