package dev.forumkit.core.alert;

import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.PostId;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Storage port for alerts. Lists are newest first (created time, then id). (recipient, source position, kind) is
 * unique: adding an alert that is already stored changes nothing.
 */
public interface Alerts {
    /** Stores the alerts in one batch, skipping those already stored; returns how many were new. */
    int addAll(List<Alert> alerts);

    Optional<Alert> byId(AlertId id);

    /** Every unread alert of the member, newest first. */
    List<Alert> unread(MemberId recipient);

    /** A page of the member's read alerts, newest first. */
    List<Alert> readPage(MemberId recipient, int offset, int limit);

    long countUnread(MemberId recipient);

    /**
     * The header's two unread counts in one read (every signed-in page shows both): {@link #countUnread} and the
     * member's conversations with unread messages ({@code Conversations.countUnread}), exactly as those count.
     */
    UnreadCounts unreadCounts(MemberId member);

    long countRead(MemberId recipient);

    /** Marks the member's alerts with these ids read (ids of other members are left alone); returns how many changed. */
    int markRead(MemberId recipient, Collection<AlertId> ids);

    /** Marks every alert of the member read; returns how many changed. */
    int markAllRead(MemberId recipient);

    /**
     * The member read the thread up to post {@code number}: marks read their unread alerts of the kinds
     * {@link AlertKind#READ_WITH_THREAD} about posts of the thread numbered {@code number} or lower (a post's number,
     * deleted or not); returns how many changed. Runs inside the transaction that moves the read mark. Other members'
     * alerts, other kinds and later posts are left alone. A storage may defer the write to the transaction's commit
     * (answering 0): callers must not depend on the count.
     */
    int markReadInThread(MemberId recipient, ThreadId thread, int number);

    /** The members who already have an alert of this kind about this post. */
    Set<MemberId> recipientsAbout(PostId post, AlertKind kind);

    /**
     * The members who have news pending in the thread: an unread alert of this kind about a post of the thread that
     * is not deleted and that they have not read yet (numbered above their read mark). Another alert of the kind
     * about the thread would tell them nothing the pending one does not, so the fan-out adds none (see docs/alerts.md).
     */
    Set<MemberId> withNewsPending(ThreadId thread, AlertKind kind);

    /**
     * {@link #withNewsPending(ThreadId, AlertKind)} for several threads and kinds in one read (the fan-out of a batch
     * of replies): the members with news pending of any of the kinds, by thread; threads without any are left out.
     */
    Map<ThreadId, Set<MemberId>> withNewsPending(Collection<ThreadId> threads, Set<AlertKind> kinds);

    /** Every alert the outbox event at {@code sourcePosition} caused, by id (the mail consumer e-mails from these). */
    List<Alert> bySource(long sourcePosition);

    /**
     * Every alert the outbox events at positions after {@code after} up to {@code upTo} caused, by id (the mail
     * consumer reads a whole batch's at once).
     */
    List<Alert> bySources(long after, long upTo);
}
