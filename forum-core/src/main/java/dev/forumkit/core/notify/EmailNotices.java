package dev.forumkit.core.notify;

import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.MemberId;

import java.time.Instant;
import java.util.Optional;

/** Storage port for notification e-mail state: the last e-mail per (member, thread) and the unsubscribe links. */
public interface EmailNotices {
    Optional<EmailNotice> last(MemberId member, ThreadId thread);

    /** Inserts or replaces the notice of (member, thread). */
    void put(EmailNotice notice);

    /** Stores an unsubscribe link; a clashing hash is a ConflictException. */
    void addUnsubscribe(Unsubscribe unsubscribe);

    Optional<Unsubscribe> unsubscribe(String tokenHash);

    /** Deletes the unsubscribe links created before {@code before}; answers how many. */
    int pruneUnsubscribes(Instant before);
}
