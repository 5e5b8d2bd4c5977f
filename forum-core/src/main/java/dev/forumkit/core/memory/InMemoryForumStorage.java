package dev.forumkit.core.memory;

import dev.forumkit.core.alert.AlertPreferences;
import dev.forumkit.core.alert.Alerts;
import dev.forumkit.core.alert.Ignores;
import dev.forumkit.core.board.Boards;
import dev.forumkit.core.board.Categories;
import dev.forumkit.core.event.EventLog;
import dev.forumkit.core.member.Members;
import dev.forumkit.core.post.Posts;
import dev.forumkit.core.reaction.Reactions;
import dev.forumkit.core.reset.PasswordResets;
import dev.forumkit.core.session.Sessions;
import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.core.storage.Transactions;
import dev.forumkit.core.thread.ReadStates;
import dev.forumkit.core.thread.Threads;
import dev.forumkit.core.watch.Watches;

import java.util.function.Supplier;

/**
 * Keeps the whole forum in memory: for tests, demos and embedding without a database. Thread-safe and
 * transactional: writers run one at a time and a command that throws leaves no trace. Passes the forum-testkit
 * contract suite like every other adapter.
 */
public final class InMemoryForumStorage implements ForumStorage {
    private final Tables db = new Tables();
    private final InMemoryMembers members = new InMemoryMembers(db);
    private final InMemoryCategories categories = new InMemoryCategories(db);
    private final InMemoryBoards boards = new InMemoryBoards(db);
    private final InMemoryThreads threads = new InMemoryThreads(db, boards, categories);
    private final InMemoryPosts posts = new InMemoryPosts(db, threads);
    private final InMemoryReactions reactions = new InMemoryReactions(db, posts);
    private final InMemoryReadStates readStates = new InMemoryReadStates(db);
    private final InMemorySessions sessions = new InMemorySessions(db, members);
    private final InMemoryEventLog eventLog = new InMemoryEventLog(db);
    private final InMemoryAlerts alerts = new InMemoryAlerts(db, posts, readStates,
            m -> this.conversations.countUnread(m));
    private final InMemoryWatches watches = new InMemoryWatches(db);
    private final InMemoryAlertPreferences alertPreferences = new InMemoryAlertPreferences(db);
    private final InMemoryIgnores ignores = new InMemoryIgnores(db);
    private final InMemoryPasswordResets passwordResets = new InMemoryPasswordResets(db);
    private final InMemoryEmailNotices emailNotices = new InMemoryEmailNotices(db);
    private final InMemoryEmailVerifications emailVerifications = new InMemoryEmailVerifications(db);
    private final InMemoryReports reports = new InMemoryReports(db);
    private final InMemoryWarnings warnings = new InMemoryWarnings(db);
    private final InMemoryApiKeys apiKeys = new InMemoryApiKeys(db);
    private final InMemoryWebhooks webhooks = new InMemoryWebhooks(db);
    private final InMemoryAttachments attachments = new InMemoryAttachments(db);
    private final InMemoryAuditLog auditLog = new InMemoryAuditLog(db);
    private final InMemoryRateCounters rateCounters = new InMemoryRateCounters();
    private final InMemorySetupTokens setupTokens = new InMemorySetupTokens(db);
    private final InMemoryGroups groups = new InMemoryGroups(db);
    private final InMemoryGrants grants = new InMemoryGrants(db);
    private final InMemoryHeldPosts heldPosts = new InMemoryHeldPosts(db);
    private final InMemoryConversations conversations = new InMemoryConversations(db);
    private final InMemoryProfiles profiles = new InMemoryProfiles(db, members, new InMemoryProfiles.PersonalData(sessions, alerts,
            watches, alertPreferences, ignores, passwordResets, emailVerifications, emailNotices));
    private final InMemoryExternalIdentities externalIdentities = new InMemoryExternalIdentities(db);
    private final Transactions transactions = new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return db.write(work);
        }

        @Override
        public <T> T readOnly(Supplier<T> work) {
            return db.read(work);
        }

        @Override
        public void afterCommit(Runnable action) {
            db.afterCommit(action);
        }
    };

    @Override
    public Transactions transactions() {
        return transactions;
    }

    @Override
    public Members members() {
        return members;
    }

    @Override
    public Categories categories() {
        return categories;
    }

    @Override
    public Boards boards() {
        return boards;
    }

    @Override
    public Threads threads() {
        return threads;
    }

    @Override
    public Posts posts() {
        return posts;
    }

    @Override
    public Reactions reactions() {
        return reactions;
    }

    @Override
    public ReadStates readStates() {
        return readStates;
    }

    @Override
    public Sessions sessions() {
        return sessions;
    }

    @Override
    public EventLog eventLog() {
        return eventLog;
    }

    @Override
    public Alerts alerts() {
        return alerts;
    }

    @Override
    public Watches watches() {
        return watches;
    }

    @Override
    public AlertPreferences alertPreferences() {
        return alertPreferences;
    }

    @Override
    public Ignores ignores() {
        return ignores;
    }

    @Override
    public PasswordResets passwordResets() {
        return passwordResets;
    }

    @Override
    public dev.forumkit.core.verify.EmailVerifications emailVerifications() {
        return emailVerifications;
    }

    @Override
    public dev.forumkit.core.notify.EmailNotices emailNotices() {
        return emailNotices;
    }

    @Override
    public dev.forumkit.core.report.Reports reports() {
        return reports;
    }

    @Override
    public dev.forumkit.core.warning.Warnings warnings() {
        return warnings;
    }

    @Override
    public dev.forumkit.core.apikey.ApiKeys apiKeys() {
        return apiKeys;
    }

    @Override
    public dev.forumkit.core.webhook.Webhooks webhooks() {
        return webhooks;
    }

    @Override
    public dev.forumkit.core.audit.AuditLog auditLog() {
        return auditLog;
    }

    @Override
    public dev.forumkit.core.limit.RateCounters rateCounters() {
        return rateCounters;
    }

    @Override
    public dev.forumkit.core.member.SetupTokens setupTokens() {
        return setupTokens;
    }

    @Override
    public dev.forumkit.core.group.Groups groups() {
        return groups;
    }

    @Override
    public dev.forumkit.core.policy.Grants grants() {
        return grants;
    }

    @Override
    public dev.forumkit.core.approval.HeldPosts heldPosts() {
        return heldPosts;
    }

    @Override
    public dev.forumkit.core.conversation.Conversations conversations() {
        return conversations;
    }

    @Override
    public dev.forumkit.core.attachment.Attachments attachments() {
        return attachments;
    }

    @Override
    public dev.forumkit.core.profile.Profiles profiles() {
        return profiles;
    }

    @Override
    public dev.forumkit.core.member.ExternalIdentities externalIdentities() {
        return externalIdentities;
    }
}
