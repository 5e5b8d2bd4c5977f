package dev.forumkit.core.read;

import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.internal.ServiceContext;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.policy.Action;
import dev.forumkit.core.policy.Permissions;
import dev.forumkit.core.policy.Target;
import dev.forumkit.core.thread.ForumThread;
import dev.forumkit.core.thread.ViewCounter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Threads as lists show them (board pages, What's new, one thread after a command): one member query for all. */
final class ThreadSummaries {
    private final ServiceContext ctx;
    private final ViewCounter views;
    private final ReadMarks marks;

    ThreadSummaries(ServiceContext ctx, ViewCounter views, ReadMarks marks) {
        this.ctx = ctx;
        this.views = views;
        this.marks = marks;
    }

    /** Call inside a transaction. {@code boards} needs the boards of the threads (a missing one shows no title). */
    List<ThreadSummary> of(Member me, java.util.function.Function<BoardId, Permissions> permissions, List<ForumThread> threads,
                           Map<BoardId, Board> boards) {
        if (threads.isEmpty()) {
            return List.of();
        }
        Set<MemberId> names = new HashSet<>();
        for (ForumThread t : threads) {
            names.add(t.starterId());
            if (t.lastPost() != null) {
                names.add(t.lastPost().authorId());
            }
        }
        Map<MemberId, Member> members = ctx.storage.members().byIds(names);
        Map<ThreadId, Integer> read = me == null ? Map.of()
                : marks.lastRead(me.id(), threads.stream().map(ForumThread::id).toList());
        List<ThreadSummary> out = new ArrayList<>(threads.size());
        for (ForumThread t : threads) {
            ForumThread shown = withPendingViews(t);
            boolean unread = me != null && t.lastPost() != null && t.lastPost().number() > read.getOrDefault(t.id(), 0);
            Board b = boards.get(t.boardId());
            boolean own = me != null && t.starterId().equals(me.id());
            Target target = Target.content(own, t.locked(), t.isDeleted());
            Permissions standing = permissions.apply(t.boardId());
            out.add(new ThreadSummary(shown, b == null ? null : b.title(), name(members.get(t.starterId())),
                    t.lastPost() == null ? null : name(members.get(t.lastPost().authorId())), unread,
                    ctx.policy.allows(standing, Action.REPLY, target),
                    ctx.policy.allows(standing, Action.REACT, Target.content(false, t.locked(), t.isDeleted())),
                    ctx.policy.allows(standing, Action.LOCK_THREAD, target)));
        }
        return out;
    }

    /** The thread with the views counted since the last flush, so a reader sees their own view at once. */
    ForumThread withPendingViews(ForumThread t) {
        long pending = views.pending(t.id());
        return pending == 0 ? t : new ForumThread(t.id(), t.boardId(), t.title(), t.starterId(), t.createdAt(), t.pinned(),
                t.locked(), t.deletion(), t.postCounter(), t.replyCount(), t.viewCount() + pending, t.lastPost());
    }

    private static String name(Member m) {
        return m == null ? null : m.username();
    }
}
