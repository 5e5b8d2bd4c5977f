package dev.forumkit.core.counter;

import dev.forumkit.core.Actor;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.internal.ServiceContext;
import dev.forumkit.core.member.BoardCounts;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.policy.Action;
import dev.forumkit.core.policy.Target;
import dev.forumkit.core.post.LastPost;
import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.core.thread.ForumThread;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Recomputes every counter from the rows (threads, posts, reactions), reports what differed and repairs it; members'
 * counters both in total and by board.
 * A repair tool for operators and the test oracle of the contract suite. Runs as one transaction; memory grows
 * with the number of threads and of posts that have reactions, not with the number of posts. Repair on a quiet
 * forum: on a database the scans are separate statements, so writers running meanwhile can make them disagree.
 */
public final class RecountService {
    private final ServiceContext ctx;

    public RecountService(ServiceContext ctx) {
        this.ctx = ctx;
    }

    /** Admins only. */
    public RecountReport recount(Actor actor) {
        return ctx.command(events -> {
            Member me = ctx.requireMember(actor);
            ctx.policy.check(ctx.standing(me), Action.RECOUNT, Target.NONE);
            return run(true);
        });
    }

    /** For operators' tools and tests: no actor, runs as the system. {@code repair} false only reports. */
    public RecountReport recountAsSystem(boolean repair) {
        return ctx.command(events -> run(repair));
    }

    private static final class ThreadTally {
        BoardId board;
        boolean deleted;
        int visiblePosts;
        LastPost last;
    }

    private RecountReport run(boolean repair) {
        ForumStorage s = ctx.storage;
        Map<ThreadId, ThreadTally> threads = new HashMap<>();
        List<ForumThread> storedThreads = new ArrayList<>();
        s.threads().forEach(t -> {
            ThreadTally tally = new ThreadTally();
            tally.board = t.boardId();
            tally.deleted = t.isDeleted();
            threads.put(t.id(), tally);
            storedThreads.add(t);
        });
        // reaction weights per post, summed by post; posts without reactions never enter the map
        Map<Long, Long> scoreByPost = new HashMap<>();
        s.reactions().forEach(r -> scoreByPost.merge(r.postId().value(), (long) ctx.reactionTypes.weight(r.type()), Long::sum));
        Map<MemberId, Integer> messages = new HashMap<>();
        Map<MemberId, Long> scores = new HashMap<>();
        Map<List<Long>, long[]> byBoard = new HashMap<>(); // (member, board) -> {messages, score}
        s.posts().forEach(p -> {
            ThreadTally t = threads.get(p.threadId());
            if (t == null || p.isDeleted()) {
                return;
            }
            t.visiblePosts++;
            LastPost candidate = LastPost.of(p);
            if (t.last == null || p.number() > t.last.number()) {
                t.last = candidate;
            }
            if (!t.deleted) {
                messages.merge(p.authorId(), 1, Integer::sum);
                long[] onBoard = byBoard.computeIfAbsent(List.of(p.authorId().value(), t.board.value()), k -> new long[2]);
                onBoard[0]++;
                Long score = scoreByPost.get(p.id().value());
                if (score != null) {
                    scores.merge(p.authorId(), score, Long::sum);
                    onBoard[1] += score;
                }
            }
        });

        List<RecountReport.Difference> diffs = new ArrayList<>();
        Map<BoardId, int[]> boardThreads = new HashMap<>();
        Map<BoardId, long[]> boardPosts = new HashMap<>();
        Map<BoardId, LastPost> boardLast = new HashMap<>();
        for (ForumThread t : storedThreads) {
            ThreadTally tally = threads.get(t.id());
            int replies = Math.max(0, tally.visiblePosts - 1);
            String entity = "thread " + t.id();
            boolean bad = compare(diffs, entity, "reply_count", t.replyCount(), replies)
                    | compare(diffs, entity, "last_post", t.lastPost(), tally.last);
            if (bad && repair) {
                s.threads().setCounters(t.id(), replies, tally.last);
            }
            if (!tally.deleted) {
                boardThreads.computeIfAbsent(tally.board, b -> new int[1])[0]++;
                boardPosts.computeIfAbsent(tally.board, b -> new long[1])[0] += tally.visiblePosts;
                if (tally.last != null && tally.last.isNewerThan(boardLast.get(tally.board))) {
                    boardLast.put(tally.board, tally.last);
                }
            }
        }
        List<Board> boards = s.boards().all();
        for (Board b : boards) {
            int tc = boardThreads.getOrDefault(b.id(), new int[1])[0];
            long pc = boardPosts.getOrDefault(b.id(), new long[1])[0];
            LastPost last = boardLast.get(b.id());
            String entity = "board " + b.id();
            boolean bad = compare(diffs, entity, "thread_count", b.threadCount(), tc)
                    | compare(diffs, entity, "post_count", b.postCount(), pc)
                    | compare(diffs, entity, "last_post", b.lastPost(), last);
            if (bad && repair) {
                s.boards().setCounters(b.id(), tc, pc, last);
            }
        }
        int[] membersChecked = {0};
        List<Member> badMembers = new ArrayList<>();
        s.members().forEach(m -> {
            membersChecked[0]++;
            int mc = messages.getOrDefault(m.id(), 0);
            long sc = scores.getOrDefault(m.id(), 0L);
            String entity = "member " + m.id();
            boolean bad = compare(diffs, entity, "message_count", m.messageCount(), mc)
                    | compare(diffs, entity, "reaction_score", m.reactionScore(), sc);
            if (bad) {
                badMembers.add(m.withCounters(mc, sc));
            }
        });
        List<BoardCounts> badRows = boardCounts(s, byBoard, diffs);
        if (repair) {
            // written after the scan: some adapters stream members from an open cursor
            badMembers.forEach(m -> s.members().setCounters(m.id(), m.messageCount(), m.reactionScore()));
            badRows.forEach(s.members()::setBoardCounts);
        }
        return new RecountReport(diffs, storedThreads.size(), boards.size(), membersChecked[0]);
    }

    /** The stored counters by member and board against the tally; answers the rows to write (zeros remove one). */
    private static List<BoardCounts> boardCounts(ForumStorage s, Map<List<Long>, long[]> expected,
                                                 List<RecountReport.Difference> diffs) {
        Map<List<Long>, BoardCounts> stored = new HashMap<>();
        s.members().forEachBoardCounts(c -> stored.put(List.of(c.member().value(), c.board().value()), c));
        java.util.Set<List<Long>> keys = new java.util.TreeSet<>(java.util.Comparator.<List<Long>>comparingLong(k -> k.get(0))
                .thenComparingLong(k -> k.get(1)));
        keys.addAll(stored.keySet());
        keys.addAll(expected.keySet());
        List<BoardCounts> bad = new ArrayList<>();
        for (List<Long> key : keys) {
            BoardCounts was = stored.get(key);
            long[] tally = expected.getOrDefault(key, new long[2]);
            String entity = "member " + MemberId.of(key.get(0)) + " on board " + BoardId.of(key.get(1));
            boolean wrong = compare(diffs, entity, "message_count", was == null ? 0 : was.messageCount(), tally[0])
                    | compare(diffs, entity, "reaction_score", was == null ? 0L : was.reactionScore(), tally[1]);
            if (wrong) {
                bad.add(new BoardCounts(MemberId.of(key.get(0)), BoardId.of(key.get(1)), (int) tally[0], tally[1]));
            }
        }
        return bad;
    }

    private static boolean compare(List<RecountReport.Difference> diffs, String entity, String field, Object stored, Object expected) {
        if (Objects.equals(stored, expected)) {
            return false;
        }
        if (stored instanceof Number a && expected instanceof Number b && a.longValue() == b.longValue()) {
            return false;
        }
        diffs.add(new RecountReport.Difference(entity, field, String.valueOf(stored), String.valueOf(expected)));
        return true;
    }
}
