package dev.forumkit.core.policy;

import java.util.List;

/** Port: the set cells of the permission grid. The grid is small (groups x boards x permissions) and read whole. */
public interface Grants {
    /** Sets a cell, replacing the value a grant for the same subject, scope and permission had. */
    void put(Grant grant);

    /** Clears a cell (it inherits again); false if it was not set. */
    boolean remove(Grant.Subject subject, Grant.Scope scope, Permission permission);

    /** Clears every cell of a subject (a group being removed); returns how many. */
    int removeAll(Grant.Subject subject);

    /** Every grant, in no particular order. */
    List<Grant> all();

    /**
     * The grid's version: raised by {@link #bump()} in every transaction that changes grants, groups, memberships or
     * boards, so each node can tell its cached grid is out of date by reading one number.
     */
    long version();

    /** Raises {@link #version()} by one, in the caller's transaction. */
    void bump();
}
