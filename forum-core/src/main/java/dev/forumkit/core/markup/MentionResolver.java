package dev.forumkit.core.markup;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Looks up the member an {@code @name} in a post refers to. Lookups ignore case, like usernames do; an unknown name
 * gives an empty answer and stays plain text. Renderers call it at most a bounded number of times per post.
 */
@FunctionalInterface
public interface MentionResolver {
    /** Resolves nobody: every {@code @name} stays text. */
    MentionResolver NONE = username -> Optional.empty();

    Optional<MentionedMember> resolve(String username);

    /** A resolver over a fixed set of members, for tests, previews and demos. */
    static MentionResolver of(Iterable<MentionedMember> members) {
        Map<String, MentionedMember> byKey = new HashMap<>();
        for (MentionedMember m : members) {
            byKey.put(m.username().toLowerCase(Locale.ROOT), m);
        }
        return username -> Optional.ofNullable(byKey.get(username.toLowerCase(Locale.ROOT)));
    }
}
