package dev.forumkit.core.storage;

import dev.forumkit.core.alert.AlertPreferences;
import dev.forumkit.core.audit.AuditLog;
import dev.forumkit.core.report.Reports;
import dev.forumkit.core.warning.Warnings;
import dev.forumkit.core.alert.Alerts;
import dev.forumkit.core.alert.Ignores;
import dev.forumkit.core.board.Boards;
import dev.forumkit.core.board.Categories;
import dev.forumkit.core.event.EventLog;
import dev.forumkit.core.group.Groups;
import dev.forumkit.core.member.Members;
import dev.forumkit.core.notify.EmailNotices;
import dev.forumkit.core.policy.Grants;
import dev.forumkit.core.post.Posts;
import dev.forumkit.core.reaction.Reactions;
import dev.forumkit.core.reset.PasswordResets;
import dev.forumkit.core.session.Sessions;
import dev.forumkit.core.thread.ReadStates;
import dev.forumkit.core.thread.Threads;
import dev.forumkit.core.verify.EmailVerifications;
import dev.forumkit.core.watch.Watches;

/**
 * The driven side of forumkit: one port per aggregate plus transactions. Every adapter must pass the
 * forum-testkit contract suite.
 */
public interface ForumStorage extends AutoCloseable {
    Transactions transactions();

    Members members();

    Categories categories();

    Boards boards();

    Threads threads();

    Posts posts();

    Reactions reactions();

    ReadStates readStates();

    Sessions sessions();

    /** The event outbox: domain events stored with their change, and the consumers' positions. */
    EventLog eventLog();

    Alerts alerts();

    Watches watches();

    AlertPreferences alertPreferences();

    Ignores ignores();

    /** Password reset links (hashed tokens). */
    PasswordResets passwordResets();

    /** E-mail verification and change-of-address links (hashed tokens). */
    EmailVerifications emailVerifications();

    /** Notification e-mail state: the last e-mail per member and thread, unsubscribe links. */
    EmailNotices emailNotices();

    /** Reports of posts and profiles, with their reasons and comments. */
    Reports reports();

    /** Warnings given to members. */
    Warnings warnings();

    /** The append-only log of moderator and admin actions. */
    AuditLog auditLog();

    /** User groups and members' places in them. */
    Groups groups();

    /** The set cells of the permission grid. */
    Grants grants();

    /** The approval queue: posts held for approval, and the boards set to moderated. */
    dev.forumkit.core.approval.HeldPosts heldPosts();

    /**
     * What the hold rules weigh before a post by {@code author} is written, in one call: the moderated boards
     * ({@code HeldPosts.moderatedBoards}), the author's {@code limit} newest visible posts
     * ({@code Posts.recentVisibleByAuthor}) and newest held posts ({@code HeldPosts.byAuthor}). An adapter on a database
     * over a network overrides it to read the three in one round trip; the answer must equal the three calls'.
     */
    default dev.forumkit.core.approval.HoldEvidence holdEvidence(dev.forumkit.core.member.MemberId author, int limit) {
        return new dev.forumkit.core.approval.HoldEvidence(heldPosts().moderatedBoards(),
                posts().recentVisibleByAuthor(author, limit), heldPosts().byAuthor(author, limit));
    }
    /** Rate limit windows, shared by every node on this storage (see RateLimitService). */
    dev.forumkit.core.limit.RateCounters rateCounters();
    /** API keys (hashed secrets, scopes, last use, revocation). */
    dev.forumkit.core.apikey.ApiKeys apiKeys();

    /** Webhooks and their deliveries. */
    dev.forumkit.core.webhook.Webhooks webhooks();
    /** Private conversations, their messages and participants, and members' conversation blocks. */
    dev.forumkit.core.conversation.Conversations conversations();
    /** Attachment rows and members' attachment usage (the bytes are in a {@code BlobStore}). */
    dev.forumkit.core.attachment.Attachments attachments();
    /** Member profiles, display settings and last-seen times; erases a deleted account's personal data. */
    dev.forumkit.core.profile.Profiles profiles();

    /** Links from host applications' users to members (host identity). */
    dev.forumkit.core.member.ExternalIdentities externalIdentities();

    /** One-time set-up links for the first admin (hashed tokens), shared by every node on this storage. */
    dev.forumkit.core.member.SetupTokens setupTokens();

    /** Releases connections and files; the default does nothing. */
    @Override
    default void close() {
    }
}
