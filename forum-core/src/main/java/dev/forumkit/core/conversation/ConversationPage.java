package dev.forumkit.core.conversation;

import dev.forumkit.core.read.Page;

import java.util.List;
import java.util.Objects;

/**
 * One page of a conversation for its reader: the conversation, its participants (past ones marked), the messages, and
 * what the reader may do there.
 */
public record ConversationPage(Conversation conversation, List<ParticipantView> participants, Page<MessageView> messages,
                               boolean canReply, boolean canInvite, boolean canLeave) {
    public ConversationPage {
        Objects.requireNonNull(conversation, "conversation");
        participants = List.copyOf(participants);
        Objects.requireNonNull(messages, "messages");
    }
}
