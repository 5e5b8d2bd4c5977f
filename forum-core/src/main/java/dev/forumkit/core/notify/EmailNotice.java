package dev.forumkit.core.notify;

import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.MemberId;

import java.time.Instant;
import java.util.Objects;

/**
 * The last notification e-mail a member got about a thread: about post number {@code postNumber}, for the outbox
 * event at {@code sourcePosition}. Until the member has read that post, the thread sends them no more e-mail.
 */
public record EmailNotice(MemberId member, ThreadId thread, int postNumber, long sourcePosition, Instant sentAt) {
    public EmailNotice {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(sentAt, "sentAt");
        if (postNumber < 1 || sourcePosition < 1) {
            throw new IllegalArgumentException("post numbers and positions start at 1");
        }
    }
}
