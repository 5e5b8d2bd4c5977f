package dev.forumkit.core.conversation;

import dev.forumkit.core.member.MemberId;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Storage port for conversations, their messages and participants, and the blocks members set against being drawn
 * into conversations. Lists of a member's conversations hold only those they take part in (not left), most recent
 * message first (then newest id).
 */
public interface Conversations {
    /** Stores a new conversation; returns it with its id. */
    Conversation add(Conversation conversation);

    Optional<Conversation> byId(ConversationId id);

    /**
     * Stores the title, {@code openInvite} and {@code reported} of the conversation with the same id. Its message count
     * and last message are left alone: {@link #addMessage} keeps them.
     */
    void update(Conversation conversation);

    /**
     * Stores a new message and returns it with its id (ids rise with every message, across conversations). In the same
     * step the conversation counts it and takes it as its last message, so concurrent replies are all counted.
     */
    Message addMessage(Message message);

    Optional<Message> message(MessageId id);

    /** Messages of the conversation in order (oldest first), the window {@code [offset, offset + limit)}. */
    List<Message> messages(ConversationId id, int offset, int limit);

    /** Adds the participant or replaces the member's row in that conversation. */
    void putParticipant(Participant participant);

    Optional<Participant> participant(ConversationId id, MemberId member);

    /** Every participant, past and present, in the order they joined (then member id). */
    List<Participant> participants(ConversationId id);

    /** The member's conversations (taking part, not left), most recent message first. */
    List<Conversation> ofMember(MemberId member, int offset, int limit);

    long countOfMember(MemberId member);

    /** How many of the member's conversations have a message after the last one the member read. */
    long countUnread(MemberId member);

    /** Conversations the member started at or after {@code since} (the rate limit on starting). */
    long startedSince(MemberId member, Instant since);

    /** {@code member} no longer lets {@code blocked} start conversations with them or invite them; repeating is harmless. */
    void block(MemberId member, MemberId blocked);

    /** True if the block existed. */
    boolean unblock(MemberId member, MemberId blocked);

    /** The members this member blocks, in id order. */
    List<MemberId> blockedBy(MemberId member);

    /** Inserts or replaces the member's reaction to the message (one per member per message). */
    void putReaction(MessageId message, MemberId member, String type, Instant at);

    /** Removes the member's reaction to the message; true if there was one. */
    boolean removeReaction(MessageId message, MemberId member);

    /** Reaction counts by type for each of the messages; messages without reactions are absent. */
    Map<MessageId, Map<String, Integer>> reactionCounts(Collection<MessageId> messages);

    /** The member's reaction type on each of the messages; messages without one are absent. */
    Map<MessageId, String> reactionsBy(MemberId member, Collection<MessageId> messages);
}
