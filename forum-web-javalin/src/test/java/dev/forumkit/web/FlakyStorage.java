package dev.forumkit.web;

import dev.forumkit.core.board.Boards;
import dev.forumkit.core.board.Categories;
import dev.forumkit.core.event.EventLog;
import dev.forumkit.core.member.Members;
import dev.forumkit.core.memory.InMemoryForumStorage;
import dev.forumkit.core.post.Posts;
import dev.forumkit.core.reaction.Reactions;
import dev.forumkit.core.session.Sessions;
import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.core.storage.Transactions;
import dev.forumkit.core.thread.ReadStates;
import dev.forumkit.core.thread.Threads;

import java.util.function.Supplier;

/** In-memory storage whose transactions throw {@link #failure} while it is set: a database gone away, or a bug. */
final class FlakyStorage implements ForumStorage {
    private final InMemoryForumStorage inner = new InMemoryForumStorage();
    volatile RuntimeException failure;

    private final Transactions transactions = new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            fail();
            return inner.transactions().inTransaction(work);
        }

        @Override
        public <T> T readOnly(Supplier<T> work) {
            fail();
            return inner.transactions().readOnly(work);
        }

        @Override
        public void afterCommit(Runnable action) {
            inner.transactions().afterCommit(action);
        }
    };

    private void fail() {
        RuntimeException e = failure;
        if (e != null) {
            throw e;
        }
    }

    @Override
    public Transactions transactions() {
        return transactions;
    }

    @Override
    public Members members() {
        return inner.members();
    }

    @Override
    public Categories categories() {
        return inner.categories();
    }

    @Override
    public Boards boards() {
        return inner.boards();
    }

    @Override
    public Threads threads() {
        return inner.threads();
    }

    @Override
    public Posts posts() {
        return inner.posts();
    }

    @Override
    public Reactions reactions() {
        return inner.reactions();
    }

    @Override
    public ReadStates readStates() {
        return inner.readStates();
    }

    @Override
    public Sessions sessions() {
        return inner.sessions();
    }

    @Override
    public EventLog eventLog() {
        return inner.eventLog();
    }

    @Override
    public dev.forumkit.core.alert.Alerts alerts() {
        return inner.alerts();
    }

    @Override
    public dev.forumkit.core.watch.Watches watches() {
        return inner.watches();
    }

    @Override
    public dev.forumkit.core.alert.AlertPreferences alertPreferences() {
        return inner.alertPreferences();
    }

    @Override
    public dev.forumkit.core.alert.Ignores ignores() {
        return inner.ignores();
    }

    @Override
    public dev.forumkit.core.reset.PasswordResets passwordResets() {
        return inner.passwordResets();
    }

    @Override
    public dev.forumkit.core.verify.EmailVerifications emailVerifications() {
        return inner.emailVerifications();
    }

    @Override
    public dev.forumkit.core.notify.EmailNotices emailNotices() {
        return inner.emailNotices();
    }

    @Override
    public dev.forumkit.core.report.Reports reports() {
        return inner.reports();
    }

    @Override
    public dev.forumkit.core.warning.Warnings warnings() {
        return inner.warnings();
    }

    @Override
    public dev.forumkit.core.apikey.ApiKeys apiKeys() {
        return inner.apiKeys();
    }

    @Override
    public dev.forumkit.core.webhook.Webhooks webhooks() {
        return inner.webhooks();
    }

    @Override
    public dev.forumkit.core.audit.AuditLog auditLog() {
        return inner.auditLog();
    }

    @Override
    public dev.forumkit.core.limit.RateCounters rateCounters() {
        return inner.rateCounters();
    }

    @Override
    public dev.forumkit.core.member.SetupTokens setupTokens() {
        return inner.setupTokens();
    }

    @Override
    public dev.forumkit.core.group.Groups groups() {
        return inner.groups();
    }

    @Override
    public dev.forumkit.core.policy.Grants grants() {
        return inner.grants();
    }

    @Override
    public dev.forumkit.core.approval.HeldPosts heldPosts() {
        return inner.heldPosts();
    }

    @Override
    public dev.forumkit.core.conversation.Conversations conversations() {
        return inner.conversations();
    }

    @Override
    public dev.forumkit.core.attachment.Attachments attachments() {
        return inner.attachments();
    }

    @Override
    public dev.forumkit.core.profile.Profiles profiles() {
        return inner.profiles();
    }

    @Override
    public dev.forumkit.core.member.ExternalIdentities externalIdentities() {
        return inner.externalIdentities();
    }
}
