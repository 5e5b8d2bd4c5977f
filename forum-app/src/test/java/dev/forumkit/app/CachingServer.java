package dev.forumkit.app;

import dev.forumkit.core.Forum;
import dev.forumkit.core.memory.InMemoryForumStorage;
import dev.forumkit.core.member.Pbkdf2PasswordHasher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A server on a random port over the in-memory storage with the demo forum and the guest page cache on, for the
 * guest page cache's HTTP tests.
 */
record CachingServer(InMemoryForumStorage storage, Forum forum, ForumServer server, List<DemoData.Account> accounts,
                     String base) implements AutoCloseable {
    static CachingServer start() throws Exception {
        InMemoryForumStorage storage = new InMemoryForumStorage();
        Forum forum = Forum.create(storage, c -> c.passwordHasher(new Pbkdf2PasswordHasher(1_000)).viewFlushInterval(Duration.ZERO));
        Settings settings = new Settings("127.0.0.1", 0, Path.of("unused"), null, null, null, null, null, null, null,
                false, false, false, true);
        ForumServer server = new ForumServer(settings, storage, forum);
        try {
            List<DemoData.Account> accounts = new DemoData(forum, storage).seedIfEmpty();
            return new CachingServer(storage, forum, server, accounts, "http://127.0.0.1:" + server.start());
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
