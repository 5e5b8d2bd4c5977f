package dev.forumkit.core.watch;

import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.content.ThreadId;

import java.time.Instant;
import java.util.Objects;

/** A member watches a thread: replies alert them, and e-mail them too when {@code email} is set. */
public record ThreadWatch(MemberId member, ThreadId thread, boolean email, Instant since) {
    public ThreadWatch {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(since, "since");
    }
}
