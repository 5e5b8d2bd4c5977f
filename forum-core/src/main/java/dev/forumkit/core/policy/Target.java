package dev.forumkit.core.policy;

import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.member.Role;

import java.time.Duration;

/**
 * What an action is aimed at, as far as the policy cares.
 *
 * @param own        the actor wrote the post, started the thread, or is the member acted on
 * @param locked     the thread is locked
 * @param deleted    the post or thread is soft-deleted
 * @param targetRole the role of the member acted on (roles and bans), else null
 * @param age        how long ago the post was written (the edit time limit), else null
 * @param board      the board the content is on (the grid's row), else null: the forum-wide row
 */
public record Target(boolean own, boolean locked, boolean deleted, Role targetRole, Duration age, BoardId board) {
    public static final Target NONE = new Target(false, false, false, null);

    public Target(boolean own, boolean locked, boolean deleted, Role targetRole) {
        this(own, locked, deleted, targetRole, null, null);
    }

    public static Target content(boolean own, boolean locked, boolean deleted) {
        return new Target(own, locked, deleted, null);
    }

    public static Target member(boolean self, Role role) {
        return new Target(self, false, false, role);
    }

    /** Nothing in particular on a board: viewing it, starting a thread in it. */
    public static Target board(BoardId board) {
        return NONE.on(board);
    }

    /** The same target on a board. */
    public Target on(BoardId newBoard) {
        return new Target(own, locked, deleted, targetRole, age, newBoard);
    }

    /** The same target, a post written {@code postAge} ago. */
    public Target aged(Duration postAge) {
        return new Target(own, locked, deleted, targetRole, postAge, board);
    }
}
