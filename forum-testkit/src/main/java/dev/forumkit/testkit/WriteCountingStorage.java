package dev.forumkit.testkit;

import dev.forumkit.core.alert.AlertPreferences;
import dev.forumkit.core.alert.Alerts;
import dev.forumkit.core.alert.Ignores;
import dev.forumkit.core.board.Boards;
import dev.forumkit.core.board.Categories;
import dev.forumkit.core.event.EventLog;
import dev.forumkit.core.member.Members;
import dev.forumkit.core.post.Posts;
import dev.forumkit.core.reaction.Reactions;
import dev.forumkit.core.session.Sessions;
import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.core.storage.Transactions;
import dev.forumkit.core.thread.ReadStates;
import dev.forumkit.core.thread.Threads;
import dev.forumkit.core.watch.Watches;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Wraps a storage and counts write transactions started through it, so a test can prove that something
 * (a guest reading, a page of views) wrote nothing or wrote in one batch. Every port call goes straight through.
 */
public final class WriteCountingStorage implements ForumStorage {
    private final ForumStorage delegate;
    private final AtomicLong writes = new AtomicLong();
    private final Transactions transactions;

    public WriteCountingStorage(ForumStorage delegate) {
        this.delegate = delegate;
        this.transactions = new Transactions() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                writes.incrementAndGet();
                return delegate.transactions().inTransaction(work);
            }

            @Override
            public <T> T readOnly(Supplier<T> work) {
                return delegate.transactions().readOnly(work);
            }

            @Override
            public void afterCommit(Runnable action) {
                delegate.transactions().afterCommit(action);
            }
        };
    }

    /** Write transactions started so far (nested ones included). */
    public long writeTransactions() {
        return writes.get();
    }

    public ForumStorage delegate() {
        return delegate;
    }

    @Override
    public Transactions transactions() {
        return transactions;
    }

    @Override
    public Members members() {
        return delegate.members();
    }

    @Override
    public Categories categories() {
        return delegate.categories();
    }

    @Override
    public Boards boards() {
        return delegate.boards();
    }

    @Override
    public Threads threads() {
        return delegate.threads();
    }

    @Override
    public Posts posts() {
        return delegate.posts();
    }

    @Override
    public Reactions reactions() {
        return delegate.reactions();
    }

    @Override
    public ReadStates readStates() {
        return delegate.readStates();
    }

    @Override
    public Sessions sessions() {
        return delegate.sessions();
    }

    @Override
    public EventLog eventLog() {
        return delegate.eventLog();
    }

    @Override
    public Alerts alerts() {
        return delegate.alerts();
    }

    @Override
    public Watches watches() {
        return delegate.watches();
    }

    @Override
    public AlertPreferences alertPreferences() {
        return delegate.alertPreferences();
    }

    @Override
    public Ignores ignores() {
        return delegate.ignores();
    }

    /** Does not close the wrapped storage: whoever created it closes it. */
    @Override
    public void close() {
    }

    @Override
    public dev.forumkit.core.reset.PasswordResets passwordResets() {
        return delegate.passwordResets();
    }

    @Override
    public dev.forumkit.core.verify.EmailVerifications emailVerifications() {
        return delegate.emailVerifications();
    }

    @Override
    public dev.forumkit.core.notify.EmailNotices emailNotices() {
        return delegate.emailNotices();
    }

    @Override
    public dev.forumkit.core.report.Reports reports() {
        return delegate.reports();
    }

    @Override
    public dev.forumkit.core.warning.Warnings warnings() {
        return delegate.warnings();
    }

    @Override
    public dev.forumkit.core.apikey.ApiKeys apiKeys() {
        return delegate.apiKeys();
    }

    @Override
    public dev.forumkit.core.webhook.Webhooks webhooks() {
        return delegate.webhooks();
    }

    @Override
    public dev.forumkit.core.audit.AuditLog auditLog() {
        return delegate.auditLog();
    }

    @Override
    public dev.forumkit.core.limit.RateCounters rateCounters() {
        return delegate.rateCounters();
    }

    @Override
    public dev.forumkit.core.member.SetupTokens setupTokens() {
        return delegate.setupTokens();
    }

    @Override
    public dev.forumkit.core.group.Groups groups() {
        return delegate.groups();
    }

    @Override
    public dev.forumkit.core.policy.Grants grants() {
        return delegate.grants();
    }

    @Override
    public dev.forumkit.core.approval.HeldPosts heldPosts() {
        return delegate.heldPosts();
    }

    @Override
    public dev.forumkit.core.approval.HoldEvidence holdEvidence(dev.forumkit.core.member.MemberId author, int limit) {
        return delegate.holdEvidence(author, limit); // reads only
    }

    @Override
    public dev.forumkit.core.conversation.Conversations conversations() {
        return delegate.conversations();
    }

    @Override
    public dev.forumkit.core.attachment.Attachments attachments() {
        return delegate.attachments();
    }

    @Override
    public dev.forumkit.core.profile.Profiles profiles() {
        return delegate.profiles();
    }

    @Override
    public dev.forumkit.core.member.ExternalIdentities externalIdentities() {
        return delegate.externalIdentities();
    }
}
