package dev.forumkit.core.conversation;

import java.util.Map;
import java.util.Objects;

/** A message's reaction counts by type and the reacting member's own reaction (null: none), right after a change. */
public record MessageReactions(MessageId message, Map<String, Integer> counts, String yourReaction) {
    public MessageReactions {
        Objects.requireNonNull(message, "message");
        counts = Map.copyOf(counts);
    }
}
