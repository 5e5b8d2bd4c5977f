package dev.forumkit.core.member;

import dev.forumkit.core.board.BoardId;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** Storage port for members. Lookups by username ignore case; e-mails are stored normalised. */
public interface Members {
    /** Stores a new member and returns it with its id; a taken username or e-mail is a ConflictException. */
    Member add(Member member);

    Optional<Member> byId(MemberId id);

    Map<MemberId, Member> byIds(Collection<MemberId> ids);

    Optional<Member> byUsername(String username);

    Optional<Member> byEmail(String normalisedEmail);

    /** Writes every field except the counters (message count, reaction score). */
    void update(Member member);

    /** Atomically adds to the counters. */
    void addCounters(MemberId id, int messageDelta, long reactionScoreDelta);

    /** Overwrites the counters (recount only). */
    void setCounters(MemberId id, int messageCount, long reactionScore);

    /**
     * Atomically adds to the totals and to the member's counters on {@code board} (see {@link BoardCounts}), both in
     * the caller's transaction: the totals' row first, so concurrent commands on one member queue on it.
     */
    void addCounters(MemberId id, BoardId board, int messageDelta, long reactionScoreDelta);

    /**
     * Each member's counters summed over {@code boards}, one query whatever the number of members; a member with
     * nothing there is left out. An empty set of boards answers an empty map without a read.
     */
    Map<MemberId, MemberCounts> countsOn(Collection<MemberId> ids, Set<BoardId> boards);

    /** Overwrites one member's counters on one board (recount only); zeros remove the row. */
    void setBoardCounts(BoardCounts counts);

    /** Every stored row of counters by board that is not zero, in no particular order (recount). */
    void forEachBoardCounts(Consumer<BoardCounts> action);

    long count();

    /** True if any member has the ADMIN role. */
    boolean hasAdmin();

    /** The members with this role, in id order, at most {@code limit} (the admins a system alert goes to). */
    java.util.List<MemberId> withRole(Role role, int limit);

    /**
     * A page of the member list in the given order, leaving out deleted accounts (see {@link Member#erased()}); ties
     * are broken by id.
     */
    java.util.List<Member> page(MemberSort sort, int offset, int limit);

    /**
     * As {@link #page(MemberSort, int, int)}, with every member's counters (and so the order by messages or reaction
     * score) leaving out the counters on {@code leftOut}: the list as a viewer who may not see those boards sees it.
     */
    java.util.List<Member> page(MemberSort sort, Set<BoardId> leftOut, int offset, int limit);

    /** How many members the list shows: all but deleted accounts. */
    long countListed();

    /** Every member, in id order (recount). */
    void forEach(Consumer<Member> action);
}
