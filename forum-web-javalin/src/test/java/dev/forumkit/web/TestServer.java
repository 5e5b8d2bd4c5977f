package dev.forumkit.web;

import dev.forumkit.core.Forum;
import dev.forumkit.core.member.Pbkdf2PasswordHasher;
import dev.forumkit.core.memory.InMemoryForumStorage;
import dev.forumkit.core.storage.ForumStorage;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.event.HandlerMetaInfo;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A forum behind a real Javalin server on a random port of 127.0.0.1, rate limits off. Either started at once
 * ({@link #start()} and friends, closed by the test) or, registered as an extension
 * ({@code @RegisterExtension static final TestServer server = TestServer.perClass(...)}), started before a test
 * class's first test and stopped after its last.
 */
final class TestServer implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
    /** Null: a new in-memory forum whose storage this server keeps in {@link #storage}. */
    private final Supplier<Forum> forumSource;
    private final Consumer<ForumPluginConfig> extra;
    private final Consumer<JavalinConfig> hostConfig;
    private final String basePath;
    /** Every handler Javalin registered, as Javalin itself reports them. */
    final List<HandlerMetaInfo> handlers = new CopyOnWriteArrayList<>();
    Forum forum;
    /** The storage under {@link #forum} when this server made it, for tests that look at what was stored; else null. */
    ForumStorage storage;
    ForumPlugin plugin;
    Javalin app;
    String base;

    private TestServer(Supplier<Forum> forumSource, Consumer<ForumPluginConfig> extra, Consumer<JavalinConfig> app,
                       String basePath) {
        this.forumSource = forumSource;
        this.extra = extra;
        this.hostConfig = app;
        this.basePath = basePath;
    }

    /** A forum on in-memory storage with a fast password hasher and views counted at once. */
    static Forum inMemoryForum() {
        return forumOver(new InMemoryForumStorage());
    }

    private static Forum forumOver(ForumStorage storage) {
        return Forum.create(storage, c -> c.passwordHasher(new Pbkdf2PasswordHasher(1_000)).viewFlushInterval(Duration.ZERO));
    }

    static TestServer start() {
        return start(c -> { });
    }

    static TestServer start(Consumer<ForumPluginConfig> extra) {
        return startAt("", extra);
    }

    static TestServer startAt(String basePath, Consumer<ForumPluginConfig> extra) {
        return new TestServer(null, extra, c -> { }, basePath).begin();
    }

    /** Serves the given forum (closed with the server). */
    static TestServer start(Forum forum, Consumer<ForumPluginConfig> extra) {
        return new TestServer(() -> forum, extra, c -> { }, "").begin();
    }

    /** Serves the given forum, with more of the host app's own configuration (routes beside the forum's). */
    static TestServer start(Forum forum, Consumer<ForumPluginConfig> extra, Consumer<JavalinConfig> app) {
        return new TestServer(() -> forum, extra, app, "").begin();
    }

    /** For a test class: a new in-memory forum, served from before the first test until after the last. */
    static TestServer perClass() {
        return new TestServer(null, c -> { }, c -> { }, "");
    }

    /** For a test class: the forum the source makes when the class starts, served until after its last test. */
    static TestServer perClass(Supplier<Forum> forumSource) {
        return new TestServer(forumSource, c -> { }, c -> { }, "");
    }

    private TestServer begin() {
        if (forumSource == null) {
            this.storage = new InMemoryForumStorage();
            this.forum = forumOver(storage);
        } else {
            this.forum = Objects.requireNonNull(forumSource.get(), "forum");
        }
        Forum f = forum;
        this.plugin = new ForumPlugin(c -> {
            c.forum(f).basePath(basePath).limits(LimitsConfig::noRateLimits);
            extra.accept(c);
        });
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.events.handlerAdded(handlers::add);
            config.registerPlugin(plugin);
            hostConfig.accept(config);
        }).start("127.0.0.1", 0);
        this.base = "http://127.0.0.1:" + app.port() + basePath;
        return this;
    }

    Client client() {
        return new Client(base, "127.0.0.1:" + app.port());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        begin();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        if (app != null) {
            app.stop();
        }
        if (forum != null) {
            forum.close();
        }
    }
}
