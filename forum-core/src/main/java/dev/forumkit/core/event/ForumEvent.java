package dev.forumkit.core.event;

import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.member.Role;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.report.ReportId;
import dev.forumkit.core.report.ReportStatus;
import dev.forumkit.core.warning.WarningId;

import java.time.Instant;
import java.util.Set;

/** Something that happened, delivered to listeners after its transaction committed. */
public sealed interface ForumEvent {
    Instant at();

    record MemberRegistered(MemberId member, Instant at) implements ForumEvent {
    }

    record MemberRoleChanged(MemberId member, Role role, MemberId by, Instant at) implements ForumEvent {
    }

    record MemberBanned(MemberId member, MemberId by, Instant until, Instant at) implements ForumEvent {
    }

    record MemberUnbanned(MemberId member, MemberId by, Instant at) implements ForumEvent {
    }

    record PasswordChanged(MemberId member, Instant at) implements ForumEvent {
    }

    /** Someone asked for a reset link for this member's address; the mail consumer makes the token and sends it. */
    record PasswordResetRequested(MemberId member, Instant at) implements ForumEvent {
    }

    /**
     * A member is to prove that {@code email} (their address when asked) is theirs: the mail consumer makes a link
     * and sends it there.
     */
    record EmailVerificationRequested(MemberId member, String email, Instant at) implements ForumEvent {
    }

    /**
     * A member asked to change their address: the mail consumer sends a link to {@code newEmail} (opening it makes
     * the change) and a notice to {@code oldEmail}.
     */
    record EmailChangeRequested(MemberId member, String oldEmail, String newEmail, Instant at) implements ForumEvent {
    }

    /** The member opened a link sent to {@code email}, their address. */
    record EmailVerified(MemberId member, String email, Instant at) implements ForumEvent {
    }

    /** The member's address is now {@code newEmail} (verified through a link sent there). */
    record EmailChanged(MemberId member, String oldEmail, String newEmail, Instant at) implements ForumEvent {
    }

    record ThreadStarted(ThreadId thread, BoardId board, PostId firstPost, MemberId starter, Instant at) implements ForumEvent {
    }

    /** {@code mentions}: the members the post @mentions; {@code quotes}: the posts it quotes (both for alerts). */
    record PostCreated(PostId post, ThreadId thread, int number, MemberId author, Instant at, Set<MemberId> mentions,
                       Set<PostId> quotes) implements ForumEvent {
        public PostCreated {
            mentions = Set.copyOf(mentions);
            quotes = Set.copyOf(quotes);
        }

        public PostCreated(PostId post, ThreadId thread, int number, MemberId author, Instant at, Set<MemberId> mentions) {
            this(post, thread, number, author, at, mentions, Set.of());
        }

        public PostCreated(PostId post, ThreadId thread, int number, MemberId author, Instant at) {
            this(post, thread, number, author, at, Set.of(), Set.of());
        }
    }

    /** {@code mentions} and {@code quotes}: the members the new text @mentions and the posts it quotes. */
    record PostEdited(PostId post, ThreadId thread, MemberId editor, Instant at, Set<MemberId> mentions,
                      Set<PostId> quotes) implements ForumEvent {
        public PostEdited {
            mentions = Set.copyOf(mentions);
            quotes = Set.copyOf(quotes);
        }

        public PostEdited(PostId post, ThreadId thread, MemberId editor, Instant at, Set<MemberId> mentions) {
            this(post, thread, editor, at, mentions, Set.of());
        }

        public PostEdited(PostId post, ThreadId thread, MemberId editor, Instant at) {
            this(post, thread, editor, at, Set.of(), Set.of());
        }
    }

    /** {@code author}: the post's author (null in events stored before it was added). */
    record PostDeleted(PostId post, ThreadId thread, MemberId by, Instant at, @AddedLater MemberId author)
            implements ForumEvent {
    }

    /** {@code author}: the post's author (null in events stored before it was added). */
    record PostRestored(PostId post, ThreadId thread, MemberId by, Instant at, @AddedLater MemberId author)
            implements ForumEvent {
    }

    record ThreadDeleted(ThreadId thread, MemberId by, Instant at) implements ForumEvent {
    }

    record ThreadRestored(ThreadId thread, MemberId by, Instant at) implements ForumEvent {
    }

    record ThreadMoved(ThreadId thread, BoardId from, BoardId to, MemberId by, Instant at) implements ForumEvent {
    }

    record ThreadLockChanged(ThreadId thread, boolean locked, MemberId by, Instant at) implements ForumEvent {
    }

    record ThreadPinChanged(ThreadId thread, boolean pinned, MemberId by, Instant at) implements ForumEvent {
    }

    /** A moderator closed a report (resolved or rejected it): its reporters are told. */
    record ReportClosed(ReportId report, ReportStatus status, MemberId by, Instant at) implements ForumEvent {
    }

    /** A moderator warned {@code member} for a post. */
    record MemberWarned(WarningId warning, MemberId member, PostId post, ThreadId thread, int points, MemberId by,
                        Instant at) implements ForumEvent {
    }

    /** {@code oldType} or {@code newType} is null when a reaction was added or removed. */
    record ReactionChanged(PostId post, MemberId member, MemberId receiver, String oldType, String newType, Instant at)
            implements ForumEvent {
    }

    /** A member started a conversation with {@code recipients}; {@code message} is its first message. */
    record ConversationStarted(dev.forumkit.core.conversation.ConversationId conversation,
                               dev.forumkit.core.conversation.MessageId message, MemberId starter, Set<MemberId> recipients,
                               Instant at) implements ForumEvent {
        public ConversationStarted {
            recipients = Set.copyOf(recipients);
        }
    }

    /** A participant wrote a message in a conversation. */
    record ConversationReplied(dev.forumkit.core.conversation.ConversationId conversation,
                               dev.forumkit.core.conversation.MessageId message, MemberId author, Instant at)
            implements ForumEvent {
    }

    /** A participant invited members into a conversation. */
    record ConversationInvited(dev.forumkit.core.conversation.ConversationId conversation, MemberId by,
                               Set<MemberId> invited, Instant at) implements ForumEvent {
        public ConversationInvited {
            invited = Set.copyOf(invited);
        }
    }

    /** A participant left a conversation. */
    record ConversationLeft(dev.forumkit.core.conversation.ConversationId conversation, MemberId member, Instant at)
            implements ForumEvent {
    }

    /**
     * The forum disabled a webhook after {@code failures} failed deliveries in a row (an admin's change makes no
     * event): every admin is alerted. Not sent to webhooks.
     */
    record WebhookDisabled(dev.forumkit.core.webhook.WebhookId webhook, int failures, Instant at) implements ForumEvent {
    }
}
