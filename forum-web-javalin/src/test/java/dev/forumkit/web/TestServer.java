package dev.forumkit.web;

import dev.forumkit.core.Forum;
import dev.forumkit.core.member.Pbkdf2PasswordHasher;
import dev.forumkit.core.memory.InMemoryForumStorage;
import dev.forumkit.core.storage.ForumStorage;
import io.javalin.Javalin;

import io.javalin.event.HandlerMetaInfo;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A forum over in-memory storage behind a real Javalin server on a random port of 127.0.0.1. */
final class TestServer implements AutoCloseable {
    final Forum forum;
    /** The storage under {@link #forum} when this server made it, for tests that look at what was stored; else null. */
    final ForumStorage storage;
    final ForumPlugin plugin;
    final Javalin app;
    final String base;
    /** Every handler Javalin registered, as Javalin itself reports them. */
    final List<HandlerMetaInfo> handlers = new CopyOnWriteArrayList<>();

    private TestServer(Consumer<ForumPluginConfig> extra, String basePath) {
        this(new InMemoryForumStorage(), extra, basePath);
    }

    private TestServer(ForumStorage storage, Consumer<ForumPluginConfig> extra, String basePath) {
        this(Forum.create(storage, c -> c.passwordHasher(new Pbkdf2PasswordHasher(1_000)).viewFlushInterval(Duration.ZERO)),
                storage, extra, basePath);
    }

    TestServer(Forum forum, Consumer<ForumPluginConfig> extra, String basePath) {
        this(forum, null, extra, basePath);
    }

    private TestServer(Forum forum, ForumStorage storage, Consumer<ForumPluginConfig> extra, String basePath) {
        this.forum = forum;
        this.storage = storage;
        this.plugin = new ForumPlugin(c -> {
            c.forum(forum).basePath(basePath).noRateLimits();
            extra.accept(c);
        });
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.events.handlerAdded(handlers::add);
            config.registerPlugin(plugin);
        }).start("127.0.0.1", 0);
        this.base = "http://127.0.0.1:" + app.port() + basePath;
    }

    static TestServer start() {
        return new TestServer(c -> { }, "");
    }

    static TestServer start(Consumer<ForumPluginConfig> extra) {
        return new TestServer(extra, "");
    }

    static TestServer startAt(String basePath, Consumer<ForumPluginConfig> extra) {
        return new TestServer(extra, basePath);
    }

    Client client() {
        return new Client(base, "127.0.0.1:" + app.port());
    }

    @Override
    public void close() {
        app.stop();
        forum.close();
    }
}
