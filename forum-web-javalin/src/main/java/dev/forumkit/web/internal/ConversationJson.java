package dev.forumkit.web.internal;

import dev.forumkit.core.conversation.Conversation;
import dev.forumkit.core.conversation.ConversationPage;
import dev.forumkit.core.conversation.ConversationSummary;
import dev.forumkit.core.conversation.Message;
import dev.forumkit.core.conversation.MessageReactions;
import dev.forumkit.core.conversation.MessageView;
import dev.forumkit.core.conversation.ParticipantView;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Conversations as the API shows them to a participant (or a moderator reading a reported one). */
public final class ConversationJson {
    private ConversationJson() {
    }

    public record ConversationItem(long id, String title, long starterId, String starterName, boolean openInvite,
                                   Instant createdAt, Instant lastMessageAt, int messageCount, List<String> participants,
                                   boolean isUnread) {
        public static ConversationItem from(ConversationSummary s) {
            Conversation c = s.conversation();
            return new ConversationItem(c.id().value(), c.title(), c.starter().value(), s.starterName(), c.openInvite(),
                    c.createdAt(), c.lastMessageAt(), c.messageCount(), s.participantNames(), s.unread());
        }
    }

    public record ParticipantJson(long memberId, String username, boolean active) {
        public static ParticipantJson from(ParticipantView p) {
            return new ParticipantJson(p.member().value(), p.name(), p.active());
        }
    }

    /**
     * {@code html} is the sanitised rendering; {@code author_ignored}: the viewer ignores the author; {@code reactions}:
     * counts by type, shown to active participants only (empty for anyone else).
     */
    public record MessageJson(long id, long conversationId, long authorId, String authorName, String body, String html,
                              Instant createdAt, boolean isUnread, boolean authorIgnored, Map<String, Integer> reactions,
                              String yourReaction, boolean canReact) {
        public static MessageJson from(MessageView v) {
            Message m = v.message();
            return new MessageJson(m.id().value(), m.conversation().value(), m.author().value(), v.authorName(), m.body(),
                    m.html(), m.createdAt(), v.unread(), v.authorIgnored(), v.reactions(), v.yourReaction(), v.canReact());
        }

        public static MessageJson written(Message m, String authorName) {
            return from(new MessageView(m, authorName, false, false));
        }
    }

    /** A message's reaction counts by type and the caller's own reaction (null: none), right after a change. */
    public record MessageReactionJson(long messageId, Map<String, Integer> counts, String yourReaction) {
        public static MessageReactionJson from(MessageReactions r) {
            return new MessageReactionJson(r.message().value(), r.counts(), r.yourReaction());
        }
    }

    public record ConversationDetail(long id, String title, long starterId, boolean openInvite, Instant createdAt,
                                     Instant lastMessageAt, int messageCount, List<ParticipantJson> participants,
                                     boolean canReply, boolean canInvite, boolean canLeave) {
        public static ConversationDetail from(ConversationPage p) {
            Conversation c = p.conversation();
            return new ConversationDetail(c.id().value(), c.title(), c.starter().value(), c.openInvite(), c.createdAt(),
                    c.lastMessageAt(), c.messageCount(), p.participants().stream().map(ParticipantJson::from).toList(),
                    p.canReply(), p.canInvite(), p.canLeave());
        }
    }
}
