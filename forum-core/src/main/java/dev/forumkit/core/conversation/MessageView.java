package dev.forumkit.core.conversation;

import java.util.Map;
import java.util.Objects;

/**
 * A message as one participant sees it: its author's name, whether it comes after what the viewer had read, whether the
 * viewer ignores its author (the page shows such messages collapsed), its reaction counts by type, the viewer's own
 * reaction (null: none) and whether the viewer may react to it. Reactions are shown to active participants only, so for
 * anyone else they are empty.
 */
public record MessageView(Message message, String authorName, boolean unread, boolean authorIgnored,
                          Map<String, Integer> reactions, String yourReaction, boolean canReact) {
    public MessageView {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(authorName, "authorName");
        reactions = Map.copyOf(reactions);
    }

    /** A message seen without its reactions. */
    public MessageView(Message message, String authorName, boolean unread, boolean authorIgnored) {
        this(message, authorName, unread, authorIgnored, Map.of(), null, false);
    }
}
