package dev.forumkit.testkit;

import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.testkit.contract.AlertSettingsPortContract;
import dev.forumkit.testkit.contract.ApprovalContract;
import dev.forumkit.testkit.contract.ApiKeysContract;
import dev.forumkit.testkit.contract.WebhooksContract;
import dev.forumkit.testkit.contract.AlertsContract;
import dev.forumkit.testkit.contract.AlertsPortContract;
import dev.forumkit.testkit.contract.AttachmentsContract;
import dev.forumkit.testkit.contract.AuditLogContract;
import dev.forumkit.testkit.contract.ConversationsContract;
import dev.forumkit.testkit.contract.ReportsContract;
import dev.forumkit.testkit.contract.WarningsContract;
import dev.forumkit.testkit.contract.ConcurrencyContract;
import dev.forumkit.testkit.contract.ConcurrentCommandsContract;
import dev.forumkit.testkit.contract.CountersContract;
import dev.forumkit.testkit.contract.EventsContract;
import dev.forumkit.testkit.contract.MemberAccountsContract;
import dev.forumkit.testkit.contract.MembersPortContract;
import dev.forumkit.testkit.contract.OutboxConsumersContract;
import dev.forumkit.testkit.contract.OutboxContract;
import dev.forumkit.testkit.contract.ModerationContract;
import dev.forumkit.testkit.contract.EmailNoticesPortContract;
import dev.forumkit.testkit.contract.EmailVerificationContract;
import dev.forumkit.testkit.contract.EmailVerificationsPortContract;
import dev.forumkit.testkit.contract.NotificationEmailContract;
import dev.forumkit.testkit.contract.PagingContract;
import dev.forumkit.testkit.contract.PasswordResetContract;
import dev.forumkit.testkit.contract.PasswordResetsPortContract;
import dev.forumkit.testkit.contract.PostsPortContract;
import dev.forumkit.testkit.contract.RandomCommandsContract;
import dev.forumkit.testkit.contract.ReactionRulesContract;
import dev.forumkit.testkit.contract.ReactionsPortContract;
import dev.forumkit.testkit.contract.ReadStatesPortContract;
import dev.forumkit.testkit.contract.ReadingContract;
import dev.forumkit.testkit.contract.RecountContract;
import dev.forumkit.testkit.contract.RenderingContract;
import dev.forumkit.testkit.contract.RerenderContract;
import dev.forumkit.testkit.contract.SearchingContract;
import dev.forumkit.testkit.contract.RateCountersContract;
import dev.forumkit.testkit.contract.SessionsPortContract;
import dev.forumkit.testkit.contract.StructurePortContract;
import dev.forumkit.testkit.contract.ThreadListingPortContract;
import dev.forumkit.testkit.contract.ThreadsPortContract;
import dev.forumkit.testkit.contract.TransactionsContract;
import dev.forumkit.testkit.contract.GroupsPortContract;
import dev.forumkit.testkit.contract.PermissionsContract;
import dev.forumkit.testkit.contract.WatchesPortContract;
import org.junit.jupiter.api.Nested;

/**
 * The definition of a correct storage adapter: every port operation, called directly, and every invariant of the
 * forum (numbering, counters, reactions, paging, read state, sessions, events, the event outbox, alerts) through the services. An adapter's
 * test extends this class and returns a fresh, empty storage from {@link #createStorage()}; JUnit then runs every
 * group below against it.
 *
 * <pre>{@code
 * class InMemoryForumStorageContractTest extends ForumStorageContract {
 *     protected ForumStorage createStorage() { return new InMemoryForumStorage(); }
 * }
 * }</pre>
 */
public abstract class ForumStorageContract {

    /** A fresh, empty storage; called once per test. */
    protected abstract ForumStorage createStorage();

    /** Releases a storage after its test; closes it by default. */
    protected void closeStorage(ForumStorage storage) {
        storage.close();
    }

    private StorageFactory adapter() {
        return new StorageFactory() {
            @Override
            public ForumStorage createStorage() {
                return ForumStorageContract.this.createStorage();
            }

            @Override
            public void closeStorage(ForumStorage storage) {
                ForumStorageContract.this.closeStorage(storage);
            }
        };
    }

    // ports, called directly

    @Nested
    class MembersPort extends MembersPortContract {
        @Override protected StorageFactory storageFactory() { return adapter(); }
    }

    @Nested
    class StructurePort extends StructurePortContract {
        @Override protected StorageFactory storageFactory() { return adapter(); }
    }

    @Nested
    class ThreadsPort extends ThreadsPortContract {
        @Override protected StorageFactory storageFactory() { return adapter(); }
    }

    @Nested
    class ThreadListingPort extends ThreadListingPortContract {
        @Override protected StorageFactory storageFactory() { return adapter(); }
    }

    @Nested
    class PostsPort extends PostsPortContract {
        @Override protected StorageFactory storageFactory() { return adapter(); }
    }

    @Nested
    class ReactionsPort extends ReactionsPortContract {
        @Override protected StorageFactory storageFactory() { return adapter(); }
    }

    @Nested
    class ReadStatesPort extends ReadStatesPortContract {
        @Override protected StorageFactory storageFactory() { return adapter(); }
    }

    @Nested
    class ProfilesPort extends dev.forumkit.testkit.contract.ProfilesPortContract {
        @Override protected StorageFactory storageFactory() { return adapter(); }
    }

    @Nested
    class ProfileAccounts extends dev.forumkit.testkit.contract.ProfileAccountsContract {
        @Override protected StorageFactory storageFactory() { return adapter(); }
    }

    @Nested
    class ExternalIdentities extends dev.forumkit.testkit.contract.ExternalIdentitiesContract {
        @Override protected StorageFactory storageFactory() { return adapter(); }
    }

    @Nested
    class SessionsPort extends SessionsPortContract {
        @Override protected StorageFactory storageFactory() { return adapter(); }
    }

    @Nested
    class RateCounters extends RateCountersContract {
        @Override protected StorageFactory storageFactory() { return adapter(); }
    }

    @Nested
    class SetupTokens extends dev.forumkit.testkit.contract.SetupTokensContract {
        @Override protected StorageFactory storageFactory() { return adapter(); }
    }

    @Nested
    class PasswordResetsPort extends PasswordResetsPortContract {
        @Override protected StorageFactory storageFactory() { return adapter(); }
    }

    @Nested
    class EmailVerificationsPort extends EmailVerificationsPortContract {
        @Override protected StorageFactory storageFactory() { return adapter(); }
    }

    @Nested
    class EmailNoticesPort extends EmailNoticesPortContract {
        @Override protected StorageFactory storageFactory() { return adapter(); }
    }

    @Nested
    class AlertsPort extends AlertsPortContract {
        @Override protected StorageFactory storageFactory() { return adapter(); }
    }

    @Nested
    class GroupsPort extends GroupsPortContract {
        @Override protected StorageFactory storageFactory() { return adapter(); }
    }

    @Nested
    class Permissions extends PermissionsContract {
        @Override protected StorageFactory storageFactory() { return adapter(); }
    }

    @Nested
    class WatchesPort extends WatchesPortContract {
        @Override protected StorageFactory storageFactory() { return adapter(); }
    }

    @Nested
    class AlertSettingsPort extends AlertSettingsPortContract {
        @Override protected StorageFactory storageFactory() { return adapter(); }
    }

    @Nested
    class Transactions extends TransactionsContract {
        @Override protected StorageFactory storageFactory() { return adapter(); }
    }

    // invariants, through the services over the storage

    @Nested
    class Concurrency extends ConcurrencyContract {
        @Override protected StorageFactory storageFactory() { return adapter(); }
    }

    @Nested
    class ConcurrentCommands extends ConcurrentCommandsContract {
        @Override protected StorageFactory storageFactory() { return adapter(); }
    }

    @Nested
    class RandomCommands extends RandomCommandsContract {
        @Override protected StorageFactory storageFactory() { return adapter(); }
    }

    @Nested
    class Counters extends CountersContract {
        @Override protected StorageFactory storageFactory() { return adapter(); }
    }

    @Nested
    class Recount extends RecountContract {
        @Override protected StorageFactory storageFactory() { return adapter(); }
    }

    @Nested
    class MemberBoardCounts extends dev.forumkit.testkit.contract.MemberBoardCountsContract {
        @Override protected StorageFactory storageFactory() { return adapter(); }
    }

    @Nested
    class ReactionRules extends ReactionRulesContract {
        @Override protected StorageFactory storageFactory() { return adapter(); }
    }

    @Nested
    class Paging extends PagingContract {
        @Override protected StorageFactory storageFactory() { return adapter(); }
    }

    @Nested
    class Moderation extends ModerationContract {
        @Override protected StorageFactory storageFactory() { return adapter(); }
    }

    @Nested
    class Reading extends ReadingContract {
        @Override protected StorageFactory storageFactory() { return adapter(); }
    }

    @Nested
    class MemberAccounts extends MemberAccountsContract {
        @Override protected StorageFactory storageFactory() { return adapter(); }
    }

    @Nested
    class Events extends EventsContract {
        @Override protected StorageFactory storageFactory() { return adapter(); }
    }

    @Nested
    class Outbox extends OutboxContract {
        @Override protected StorageFactory storageFactory() { return adapter(); }
    }

    @Nested
    class OutboxConsumers extends OutboxConsumersContract {
        @Override protected StorageFactory storageFactory() { return adapter(); }
    }

    @Nested
    class Rendering extends RenderingContract {
        @Override protected StorageFactory storageFactory() { return adapter(); }
    }

    @Nested
    class Rerender extends RerenderContract {
        @Override protected StorageFactory storageFactory() { return adapter(); }
    }

    @Nested
    class Alerting extends AlertsContract {
        @Override protected StorageFactory storageFactory() { return adapter(); }
    }

    @Nested
    class PasswordReset extends PasswordResetContract {
        @Override protected StorageFactory storageFactory() { return adapter(); }
    }

    @Nested
    class EmailVerification extends EmailVerificationContract {
        @Override protected StorageFactory storageFactory() { return adapter(); }
    }

    @Nested
    class NotificationEmail extends NotificationEmailContract {
        @Override protected StorageFactory storageFactory() { return adapter(); }
    }

    @Nested
    class Searching extends SearchingContract {
        @Override protected StorageFactory storageFactory() { return adapter(); }
    }

    @Nested
    class Reporting extends ReportsContract {
        @Override protected StorageFactory storageFactory() { return adapter(); }
    }

    @Nested
    class Warning extends WarningsContract {
        @Override protected StorageFactory storageFactory() { return adapter(); }
    }

    @Nested
    class ApiKeying extends ApiKeysContract {
        @Override protected StorageFactory storageFactory() { return adapter(); }
    }

    @Nested
    class Webhooking extends WebhooksContract {
        @Override protected StorageFactory storageFactory() { return adapter(); }
    }

    @Nested
    class Auditing extends AuditLogContract {
        @Override protected StorageFactory storageFactory() { return adapter(); }
    }

    @Nested
    class Approval extends ApprovalContract {
        @Override protected StorageFactory storageFactory() { return adapter(); }
    }

    @Nested
    class Conversing extends ConversationsContract {
        @Override protected StorageFactory storageFactory() { return adapter(); }
    }

    @Nested
    class Attaching extends AttachmentsContract {
        @Override protected StorageFactory storageFactory() { return adapter(); }
    }
}
