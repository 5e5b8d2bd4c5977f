package dev.forumkit.app;

import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.watch.ThreadWatch;
import dev.forumkit.persistence.jdbi.JdbiForumStorage;

import java.time.Instant;
import java.util.List;

/**
 * {@code generate --watchers N}: the last N generated members watch one thread (on-site alerts, no e-mail), so that
 * every reply there fans out to N alerts: the load the outbox benchmark and crash test need. The first members, who
 * benchmarks sign in as, are left out, so a benchmark's own replies alert exactly the N watchers.
 */
final class ThreadWatchers {
    private ThreadWatchers() {
    }

    /** Adds the watches in one transaction; returns how many members watch the thread now. */
    static int watch(JdbiForumStorage storage, ThreadId thread, int count, Instant since) {
        List<Long> ids = storage.jdbi().withHandle(h -> h.createQuery("SELECT id FROM members ORDER BY id DESC LIMIT :n")
                .bind("n", count).mapTo(Long.class).list());
        storage.transactions().run(() -> ids.forEach(id ->
                storage.watches().putThread(new ThreadWatch(MemberId.of(id), thread, false, since))));
        return storage.transactions().readOnly(() -> storage.watches().watchersOfThread(thread).size());
    }
}
