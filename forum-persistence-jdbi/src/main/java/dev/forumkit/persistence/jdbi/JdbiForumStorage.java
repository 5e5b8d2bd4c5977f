package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.StorageUnavailableException;
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
import dev.forumkit.core.search.SearchIndex;
import dev.forumkit.core.session.Sessions;
import dev.forumkit.core.signal.LocalSignals;
import dev.forumkit.core.signal.Signals;
import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.core.storage.Transactions;
import dev.forumkit.core.thread.ReadStates;
import dev.forumkit.core.thread.Threads;
import dev.forumkit.core.watch.Watches;
import com.zaxxer.hikari.HikariDataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.SQLException;
import java.util.Optional;

/**
 * forumkit's storage on H2 or PostgreSQL through Jdbi. Creating one brings the schema up to date (Flyway).
 *
 * <pre>{@code
 * ForumStorage storage = JdbiForumStorage.embeddedH2(Path.of("data"));           // owns its pool
 * ForumStorage storage = JdbiForumStorage.create(dataSource);                    // the caller owns the pool
 * ForumStorage storage = JdbiForumStorage.create(hostDataSource, ForumSchema.named("forum")); // beside a host's tables
 * }</pre>
 *
 * <p>The forum records its migrations in its own history table ({@value ForumSchema#HISTORY_TABLE}), never in
 * Flyway's default one, so a host's own Flyway migrations in the same database are not disturbed.
 */
public final class JdbiForumStorage implements ForumStorage {
    private final Jdbi jdbi;
    private final ForumSchema schema;
    private final AutoCloseable owned;
    private final JdbiTransactions transactions;
    private final JdbiMembers members;
    private final JdbiCategories categories;
    private final JdbiBoards boards;
    private final JdbiThreads threads;
    private final JdbiPosts posts;
    private final JdbiReactions reactions;
    private final JdbiReadStates readStates;
    private final JdbiSessions sessions;
    private final JdbiEventLog eventLog;
    private final JdbiAlerts alerts;
    private final JdbiWatches watches;
    private final JdbiAlertPreferences alertPreferences;
    private final JdbiIgnores ignores;
    private final JdbiPasswordResets passwordResets;
    private final JdbiEmailNotices emailNotices;
    private final JdbiEmailVerifications emailVerifications;
    private final PostgresSearchIndex searchIndex; // null on H2
    private final JdbiReports reports;
    private final JdbiWarnings warnings;
    private final JdbiApiKeys apiKeys;
    private final JdbiWebhooks webhooks;
    private final JdbiAuditLog auditLog;
    private final JdbiGroups groups;
    private final JdbiGrants grants;
    private final JdbiHeldPosts heldPosts;
    private final dev.forumkit.core.limit.RateCounters rateCounters;
    private final PostgresSignals.Connector direct;
    private Signals signals; // made on first use
    private final JdbiConversations conversations;
    private final JdbiAttachments attachments;
    private final JdbiProfiles profiles;
    private final JdbiExternalIdentities externalIdentities;
    private final JdbiSetupTokens setupTokens;

    private JdbiForumStorage(Jdbi jdbi, ForumSchema schema, AutoCloseable owned, PostgresSignals.Connector direct) {
        this.jdbi = jdbi;
        this.schema = schema;
        this.owned = owned;
        this.direct = direct;
        this.transactions = transactionsOn(jdbi);
        this.members = new JdbiMembers(transactions);
        this.categories = new JdbiCategories(transactions);
        this.boards = new JdbiBoards(transactions);
        this.threads = new JdbiThreads(transactions);
        this.posts = new JdbiPosts(transactions);
        this.reactions = new JdbiReactions(transactions);
        this.readStates = new JdbiReadStates(transactions);
        this.sessions = new JdbiSessions(transactions);
        this.eventLog = new JdbiEventLog(transactions);
        this.alerts = new JdbiAlerts(transactions);
        this.watches = new JdbiWatches(transactions);
        this.alertPreferences = new JdbiAlertPreferences(transactions);
        this.ignores = new JdbiIgnores(transactions);
        this.passwordResets = new JdbiPasswordResets(transactions);
        this.emailNotices = new JdbiEmailNotices(transactions);
        this.emailVerifications = new JdbiEmailVerifications(transactions);
        this.searchIndex = transactions.dialect() == Dialect.POSTGRES ? new PostgresSearchIndex(transactions) : null;
        this.reports = new JdbiReports(transactions);
        this.warnings = new JdbiWarnings(transactions);
        this.apiKeys = new JdbiApiKeys(transactions);
        this.webhooks = new JdbiWebhooks(transactions);
        this.auditLog = new JdbiAuditLog(transactions);
        this.groups = new JdbiGroups(transactions);
        this.grants = new JdbiGrants(transactions);
        this.heldPosts = new JdbiHeldPosts(transactions, posts);
        // on H2 one process owns the file: nobody to share the windows with, and no file write per attempt
        this.rateCounters = transactions.dialect() == Dialect.POSTGRES ? new PostgresRateCounters(transactions)
                : new dev.forumkit.core.memory.InMemoryRateCounters();
        this.conversations = new JdbiConversations(transactions);
        this.attachments = new JdbiAttachments(transactions);
        this.profiles = new JdbiProfiles(transactions);
        this.externalIdentities = new JdbiExternalIdentities(transactions);
        this.setupTokens = new JdbiSetupTokens(transactions);
        ensureIndexes();
    }

    /** Storage on the caller's DataSource (a pool), which the caller keeps and closes. Migrates the schema. */
    public static JdbiForumStorage create(DataSource dataSource) {
        return create(dataSource, ForumSchema.DEFAULT);
    }

    /**
     * Storage on a host's DataSource (a pool), which the host keeps and closes ({@link #close()} leaves it open), with
     * the forum's tables in {@code schema}. Migrates the schema. With a named schema each connection the forum takes
     * is switched to it and switched back before it returns to the host's pool.
     */
    public static JdbiForumStorage create(DataSource dataSource, ForumSchema schema) {
        migrate(dataSource, schema);
        DataSource inSchema = schema.isNamed() ? new SchemaDataSource(dataSource, schema.name()) : dataSource;
        return new JdbiForumStorage(Jdbi.create(inSchema), schema, null, inSchema::getConnection);
    }

    /** Storage on the caller's Jdbi (with its plugins, loggers, ...). Migrates the schema. */
    public static JdbiForumStorage create(Jdbi jdbi) {
        return create(jdbi, ForumSchema.DEFAULT);
    }

    /**
     * Storage on a host's Jdbi, with the forum's tables in {@code schema}; closing the storage leaves the host's pool
     * open. In the connection's current schema ({@link ForumSchema#DEFAULT}) the forum runs on the host's Jdbi itself,
     * with its plugins and loggers. In a named schema it runs on a Jdbi of its own that borrows the host Jdbi's
     * connections, switched to the schema while the forum holds them: the host's Jdbi is never reconfigured.
     */
    public static JdbiForumStorage create(Jdbi jdbi, ForumSchema schema) {
        Migrations.run(jdbi, schema);
        if (schema.isNamed()) {
            DataSource inSchema = new SchemaDataSource(new Migrations.JdbiDataSource(jdbi), schema.name());
            return new JdbiForumStorage(Jdbi.create(inSchema), schema, null, inSchema::getConnection);
        }
        return new JdbiForumStorage(jdbi, schema, null, () -> jdbi.open().getConnection()); // closing it gives it back
    }

    /** Where the embedded H2 database lives unless told otherwise: {@code ./data}. */
    public static final Path DEFAULT_DATA_DIR = Path.of("data");

    /** The embedded H2 file database under {@link #DEFAULT_DATA_DIR}; owns its pool. */
    public static JdbiForumStorage embeddedH2() {
        return embeddedH2(DEFAULT_DATA_DIR);
    }

    /** The embedded H2 file database {@code forum.mv.db} under {@code dataDir}; owns its pool. */
    public static JdbiForumStorage embeddedH2(Path dataDir) {
        return owning(ConnectionPools.embeddedH2(dataDir));
    }

    /** The embedded H2 file database under {@code dataDir} with the forum's tables in {@code schema}; owns its pool. */
    public static JdbiForumStorage embeddedH2(Path dataDir, ForumSchema schema) {
        HikariDataSource pool = ConnectionPools.embeddedH2(dataDir, schema.name());
        return migratedOwning(pool, pool, schema, pool, pool::getConnection);
    }

    /** A database given by JDBC URL, on a fail-fast pool that {@link #close()} shuts down. */
    public static JdbiForumStorage connect(String jdbcUrl, String user, String password) {
        return connect(jdbcUrl, user, password, ForumSchema.DEFAULT);
    }

    /**
     * A database given by JDBC URL with the forum's tables in {@code schema}, on a fail-fast pool that {@link #close()}
     * shuts down. On PostgreSQL the pool's connections are put into the schema once, when they are opened.
     */
    public static JdbiForumStorage connect(String jdbcUrl, String user, String password, ForumSchema schema) {
        // PostgreSQL accepts a search path naming a schema that Flyway has yet to create; H2 does not, so there each
        // connection is switched when taken
        boolean poolSetsSchema = schema.isNamed() && jdbcUrl.startsWith("jdbc:postgresql:");
        ReconnectingDataSource pool = new ReconnectingDataSource(() -> ConnectionPools.hikari(jdbcUrl, user, password, c -> {
            if (poolSetsSchema) {
                c.setSchema(schema.name());
            }
        }), jdbcUrl, user, password); // back at once when the database returns, not after HikariCP's back-off
        DataSource inSchema = schema.isNamed() && !poolSetsSchema ? new SchemaDataSource(pool, schema.name()) : pool;
        // the bus listens on a connection of its own, outside the pool: a pooled one would serve requests meanwhile
        return migratedOwning(pool, inSchema, schema, pool, () -> {
            java.sql.Connection c = java.sql.DriverManager.getConnection(jdbcUrl, busConnection(user, password));
            if (schema.isNamed()) {
                c.setSchema(schema.name()); // the bus's channel is named after the schema
            }
            return c;
        });
    }

    /**
     * The bus's own connections: a read that waits 30 s at most (its check every 5 s would otherwise hang on a
     * half-open connection after a network cut) and TCP keep-alive.
     */
    private static java.util.Properties busConnection(String user, String password) {
        java.util.Properties p = new java.util.Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        p.setProperty("connectTimeout", "10");
        p.setProperty("socketTimeout", "30");
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("ApplicationName", "forumkit-signals");
        return p;
    }

    /** Storage on a pool that is handed over: {@link #close()} closes it. */
    public static JdbiForumStorage owning(HikariDataSource pool) {
        return owning(pool, ForumSchema.DEFAULT);
    }

    /** Storage on a pool that is handed over, with the forum's tables in {@code schema}: {@link #close()} closes it. */
    public static JdbiForumStorage owning(HikariDataSource pool, ForumSchema schema) {
        DataSource inSchema = schema.isNamed() && !schema.name().equals(pool.getSchema())
                ? new SchemaDataSource(pool, schema.name()) : pool;
        return migratedOwning(pool, inSchema, schema, pool, inSchema::getConnection);
    }

    /**
     * Migrates the schema (on {@code pool}'s connections as they come: Flyway creates and enters the schema itself)
     * and returns storage on {@code inSchema} that closes {@code owned}; closes it at once if that fails.
     */
    private static JdbiForumStorage migratedOwning(DataSource pool, DataSource inSchema, ForumSchema schema,
                                                   AutoCloseable owned, PostgresSignals.Connector direct) {
        try {
            migrate(pool, schema);
            return new JdbiForumStorage(Jdbi.create(inSchema), schema, owned, direct);
        } catch (RuntimeException e) {
            try {
                owned.close();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** Brings the schema up to date without creating a storage (for an operator's migrate command). */
    public static void migrate(DataSource dataSource) {
        migrate(dataSource, ForumSchema.DEFAULT);
    }

    /** Brings the forum's tables in {@code schema} up to date without creating a storage. */
    public static void migrate(DataSource dataSource, ForumSchema schema) {
        Migrations.run(dataSource, schema);
    }

    /** Puts back indexes that a bulk load which died half-way had dropped (a no-op otherwise). */
    private void ensureIndexes() {
        transactions.use(h -> {
            try {
                DeferredIndexes.ensure(h.getConnection());
            } catch (SQLException e) {
                throw Errors.translate(e);
            }
        });
    }

    /**
     * The full-text search index in this database, on PostgreSQL: tables of the database itself, so every app node
     * shares it, and the outbox consumer {@code search} writes it in the transaction that records its position.
     * Empty on H2, which has no full-text search of this kind (use the Lucene index there). Pass it to
     * {@code ForumConfig.searchIndex(...)}; closing it does nothing (the storage owns the connections).
     *
     * <pre>{@code
     * SearchIndex index = storage.searchIndex().orElseGet(() -> openLucene(dataDir));
     * Forum forum = Forum.create(storage, c -> c.searchIndex(index));
     * }</pre>
     */
    public Optional<SearchIndex> searchIndex() {
        return Optional.ofNullable(searchIndex);
    }

    /**
     * The cross-node bus for {@code ForumConfig.signals(...)}: PostgreSQL {@code LISTEN/NOTIFY} on PostgreSQL (every
     * node on this database and schema hears every other), an in-process bus on H2 (one process owns the file). Made
     * on first use and closed with the storage.
     *
     * <pre>{@code
     * Forum forum = Forum.create(storage, c -> c.signals(storage.signals()));
     * }</pre>
     */
    public synchronized Signals signals() {
        if (signals == null) {
            signals = transactions.dialect() == Dialect.POSTGRES ? new PostgresSignals(direct) : new LocalSignals();
        }
        return signals;
    }

    /**
     * Migrations of this build the database has not applied (0 when up to date); for a readiness check. Throws
     * {@code StorageUnavailableException} when the database does not answer.
     */
    public int pendingMigrations() {
        return Migrations.pending(jdbi, schema);
    }

    /**
     * The pool's use now, when this storage owns a HikariCP pool (embedded H2, {@code connect}, {@code owning});
     * empty for a caller's own DataSource, or while a pool is being replaced.
     */
    public Optional<PoolUse> poolUse() {
        if (!(owned instanceof javax.sql.DataSource ds)) {
            return Optional.empty();
        }
        try {
            com.zaxxer.hikari.HikariDataSource hikari = ds.unwrap(com.zaxxer.hikari.HikariDataSource.class);
            com.zaxxer.hikari.HikariPoolMXBean pool = hikari.getHikariPoolMXBean();
            if (pool == null) {
                return Optional.empty();
            }
            return Optional.of(new PoolUse(pool.getActiveConnections(), pool.getIdleConnections(),
                    pool.getThreadsAwaitingConnection(), hikari.getMaximumPoolSize()));
        } catch (java.sql.SQLException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The Jdbi this storage runs on, for tools such as {@link JdbiBulkLoader}. */
    public Jdbi jdbi() {
        return jdbi;
    }

    JdbiTransactions db() {
        return transactions;
    }

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
    public dev.forumkit.core.group.Groups groups() {
        return groups;
    }

    @Override
    public dev.forumkit.core.profile.Profiles profiles() {
        return profiles;
    }

    @Override
    public dev.forumkit.core.member.ExternalIdentities externalIdentities() {
        return externalIdentities;
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
    public dev.forumkit.core.approval.HoldEvidence holdEvidence(dev.forumkit.core.member.MemberId author, int limit) {
        return heldPosts.evidence(author, limit);
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

    /**
     * Group commit on an H2 file database (on unless turned off): writers that queue while one commits share the next
     * durable commit, each acknowledged only once it is on disk. Off, each writer commits on its own (slower under
     * load, equally durable; for comparing the two, or as a way back). The write gate is shared by every storage on the
     * same H2 file in this JVM, so the choice applies to all of them. No effect on PostgreSQL or H2 in memory, which
     * have no write gate. Returns this storage.
     */
    public JdbiForumStorage groupCommit(boolean on) {
        transactions.groupCommit(on);
        return this;
    }

    /**
     * Durable commits of the H2 write gate so far (several writers may share one; on H2 every write transaction goes
     * through it); 0 on PostgreSQL and H2 in memory. For benchmarks that count commits per request.
     */
    public long durableCommits() {
        return transactions.gatedCommits();
    }

    /**
     * Adds a read replica on the caller's DataSource (which the caller keeps and closes): read-only transactions
     * that {@link dev.forumkit.core.storage.ReplicaReads} allows on their thread go there while it answers and lags no
     * more than {@code maxLag}; otherwise, and for every write, the primary. Returns this storage.
     */
    public JdbiForumStorage readReplica(DataSource replica, Duration maxLag) {
        return readReplica(replica, maxLag, null);
    }

    /** Adds a read replica given by JDBC URL, on a pool of its own that {@link #close()} shuts down. */
    public JdbiForumStorage readReplica(String jdbcUrl, String user, String password, Duration maxLag) {
        HikariDataSource pool = ConnectionPools.hikari(jdbcUrl, user, password, c -> {
            c.setPoolName("forumkit-replica");
            c.setReadOnly(true);
            if (schema.isNamed() && jdbcUrl.startsWith("jdbc:postgresql:")) {
                c.setSchema(schema.name());
            }
        });
        DataSource inSchema = schema.isNamed() && !jdbcUrl.startsWith("jdbc:postgresql:") ? new SchemaDataSource(pool, schema.name()) : pool;
        return readReplica(inSchema, maxLag, pool);
    }

    private JdbiForumStorage readReplica(DataSource replica, Duration maxLag, AutoCloseable owned) {
        Jdbi on = Jdbi.create(replica);
        return readReplica(on, maxLag, ReadReplica.probeOf(on), owned, true);
    }

    /** With the lag measured by {@code probe}, checked every second when {@code background} (tests check by hand). */
    synchronized JdbiForumStorage readReplica(Jdbi on, Duration maxLag, ReadReplica.LagProbe probe, AutoCloseable owned,
                                              boolean background) {
        if (transactions.replica() != null) {
            throw new IllegalStateException("this storage has a read replica already");
        }
        transactions.replica(new ReadReplica(on, java.util.Objects.requireNonNull(maxLag, "maxLag"), probe, owned, background));
        return this;
    }

    /** The read replica's state for logs (in use, lagging, down), or null without one. */
    public String readReplicaState() {
        ReadReplica r = transactions.replica();
        return r == null ? null : r.state();
    }

    /** Checks the replica's answer and lag now rather than at the next second (tests). */
    void checkReadReplica() {
        transactions.replica().check();
    }

    /** Closes the pool if this storage owns it; a caller's DataSource stays open. */
    @Override
    public void close() {
        synchronized (this) {
            if (signals != null) {
                signals.close();
            }
        }
        ReadReplica r = transactions.replica();
        if (r != null) {
            r.close();
        }
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not close the connection pool", e);
            }
        }
    }

    /** Transactions for the database kind; on an H2 file database writers take turns (see JdbiTransactions). */
    private static JdbiTransactions transactionsOn(Jdbi jdbi) {
        try (Handle h = jdbi.open()) {
            Dialect dialect = Dialect.of(h.getConnection());
            String url = String.valueOf(h.getConnection().getMetaData().getURL());
            boolean h2File = dialect == Dialect.H2 && !url.startsWith("jdbc:h2:mem:");
            return new JdbiTransactions(jdbi, dialect, h2File ? url.split(";", 2)[0] : null);
        } catch (SQLException | RuntimeException e) {
            RuntimeException t = Errors.translate(e);
            throw t instanceof StorageUnavailableException ? t : new IllegalStateException("cannot tell the database kind", e);
        }
    }

    @Override
    public dev.forumkit.core.conversation.Conversations conversations() {
        return conversations;
    }

    @Override
    public dev.forumkit.core.attachment.Attachments attachments() {
        return attachments;
    }
}
