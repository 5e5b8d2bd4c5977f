package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.board.Board;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.thread.ForumThread;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Members, boards and threads of a load into an empty H2 forum, held back until their counters are known and then
 * written once with them: cheaper than writing them first and updating every row afterwards.
 */
final class HeldParents {
    private final List<Member> members = new ArrayList<>();
    private final List<Board> boards = new ArrayList<>();
    private final List<ForumThread> threads = new ArrayList<>();

    void member(Member m) {
        members.add(m);
    }

    void board(Board b) {
        boards.add(b);
    }

    void thread(ForumThread t) {
        threads.add(t);
    }

    /** Writes every held row with its counters as far as tallied, then forgets them. */
    void write(LoadCounters counters, BulkTables tables) throws SQLException {
        for (Member m : members) {
            tables.add(tables.members, counters.counted(m));
        }
        Map<Long, LoadCounters.BoardTally> tallies = counters.boards();
        for (Board b : boards) {
            tables.add(tables.boards, LoadCounters.counted(b, tallies.get(b.id().value())));
        }
        for (ForumThread t : threads) {
            tables.add(tables.threads, counters.counted(t));
        }
        members.clear();
        boards.clear();
        threads.clear();
    }
}
