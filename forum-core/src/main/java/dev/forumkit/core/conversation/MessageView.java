package dev.forumkit.core.conversation;

import java.util.Objects;

/**
 * A message as one participant sees it: its author's name, whether it comes after what the viewer had read, and
 * whether the viewer ignores its author (the page shows such messages collapsed).
 */
public record MessageView(Message message, String authorName, boolean unread, boolean authorIgnored) {
    public MessageView {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(authorName, "authorName");
    }
}
