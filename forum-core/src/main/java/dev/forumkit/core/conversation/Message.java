package dev.forumkit.core.conversation;

import dev.forumkit.core.member.MemberId;

import java.time.Instant;
import java.util.Objects;

/** A message in a conversation: its source text and the HTML the post renderer made of it (sanitised like posts). */
public record Message(MessageId id, ConversationId conversation, MemberId author, String body, String html,
                      String rendererVersion, Instant createdAt) {
    public Message {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(rendererVersion, "rendererVersion");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A new message before the storage has given it an id. */
    public static Message write(ConversationId conversation, MemberId author, String body, String html,
                                String rendererVersion, Instant at) {
        return new Message(null, conversation, author, body, html, rendererVersion, at);
    }

    public Message withId(MessageId newId) {
        return new Message(newId, conversation, author, body, html, rendererVersion, createdAt);
    }
}
