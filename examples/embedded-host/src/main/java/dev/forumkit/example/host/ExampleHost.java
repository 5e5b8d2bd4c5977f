package dev.forumkit.example.host;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.forumkit.core.Actor;
import dev.forumkit.core.Forum;
import dev.forumkit.core.ForumConfig;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.Category;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Registration;
import dev.forumkit.core.memory.InMemoryForumStorage;
import dev.forumkit.markup.ForumMarkupRenderer;
import dev.forumkit.persistence.jdbi.ForumSchema;
import dev.forumkit.persistence.jdbi.JdbiForumStorage;
import dev.forumkit.web.ForumPluginConfig;
import io.javalin.Javalin;

import java.util.function.Consumer;

/**
 * The whole example host wired up: its users, the forum, the Javalin app. In memory, or on one H2 database that holds
 * the host's own tables (default schema, Flyway's default history) and the forum's (schema {@code forum}, history
 * {@code forumkit_schema_history}) on the host's connection pool.
 */
public final class ExampleHost implements AutoCloseable {
    /** The forum's schema in the host's database. */
    public static final ForumSchema FORUM_SCHEMA = ForumSchema.named("forum");
    private final HostUsers users;
    private final Forum forum;
    private final Runnable closeStorage;
    private final HikariDataSource pool;
    private Consumer<ForumPluginConfig> pluginConfig = c -> { };
    private Javalin app;

    private ExampleHost(HostUsers users, Forum forum, Runnable storage, HikariDataSource pool) {
        this.users = users;
        this.forum = forum;
        this.closeStorage = storage;
        this.pool = pool;
    }

    /** Host users in memory, the forum on the in-memory storage. */
    public static ExampleHost inMemory(Consumer<ForumConfig> forumConfig) {
        InMemoryForumStorage storage = new InMemoryForumStorage();
        Forum forum = Forum.create(storage, c -> forumConfig.accept(c.markupRenderer(ForumMarkupRenderer.create())));
        return new ExampleHost(new InMemoryHostUsers(), forum, storage::close, null);
    }

    /** The host's database at {@code jdbcUrl} (H2): the host migrates its tables, then the forum its schema. */
    public static ExampleHost h2(String jdbcUrl, Consumer<ForumConfig> forumConfig) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(10);
        config.setPoolName("example-host");
        HikariDataSource pool = new HikariDataSource(config);
        try {
            HostUsers users = JdbcHostUsers.migrate(pool);
            JdbiForumStorage storage = JdbiForumStorage.create(pool, FORUM_SCHEMA);
            Forum forum = Forum.create(storage, c -> forumConfig.accept(c.signals(storage.signals())
                    .markupRenderer(ForumMarkupRenderer.create())));
            return new ExampleHost(users, forum, storage::close, pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * On a new forum: an administrator (a forum-only account: with host identity nobody signs in with its password;
     * it only sets up the boards here) and a first board, which it answers.
     */
    public Board createFirstBoard(String adminPassword) {
        Member admin = forum.members().registerFirstAdmin(new Registration("admin", "admin@example.org", adminPassword));
        Category general = forum.boards().createCategory(Actor.member(admin.id()), "一般", "");
        return forum.boards().createBoard(Actor.member(admin.id()), general.id(), "ラウンジ", "なんでも話しましょう", "");
    }

    /** More forum plugin settings (before {@link #start}), e.g. rate limits. */
    public ExampleHost plugin(Consumer<ForumPluginConfig> more) {
        this.pluginConfig = more;
        return this;
    }

    public ExampleHost start(int port) {
        app = HostApp.create(forum, users, pluginConfig).start(port);
        return this;
    }

    public int port() {
        return app.port();
    }

    public HostUsers users() {
        return users;
    }

    public Forum forum() {
        return forum;
    }

    /** The host's pool (H2 variant), or null in memory. */
    public HikariDataSource pool() {
        return pool;
    }

    /** Stops the app, then closes the forum, its storage and the host's pool, in that order. */
    @Override
    public void close() {
        if (app != null) {
            app.stop();
        }
        forum.close();
        closeStorage.run();
        if (pool != null) {
            pool.close();
        }
    }
}
