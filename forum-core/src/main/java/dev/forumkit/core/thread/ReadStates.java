package dev.forumkit.core.thread;

import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.MemberId;

import java.util.Collection;
import java.util.Map;

/** Storage port for read positions: the highest post number a member has read in a thread. */
public interface ReadStates {
    /** 0 when the member has never read the thread. */
    int lastRead(MemberId member, ThreadId thread);

    /** Threads the member never read are absent from the answer. */
    Map<ThreadId, Integer> lastRead(MemberId member, Collection<ThreadId> threads);

    /** Raises the position to {@code number}; never lowers it. */
    void markRead(MemberId member, ThreadId thread, int number);
}
