package dev.forumkit.core.conversation;

import java.util.List;
import java.util.Objects;

/** A line of a member's conversation list: the conversation, the other participants' names, and whether it is unread. */
public record ConversationSummary(Conversation conversation, List<String> participantNames, String starterName,
                                  boolean unread) {
    public ConversationSummary {
        Objects.requireNonNull(conversation, "conversation");
        participantNames = List.copyOf(participantNames);
    }
}
