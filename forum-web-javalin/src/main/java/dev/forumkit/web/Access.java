package dev.forumkit.web;

/**
 * Who may call a route, checked before the request reaches core (core checks again, in detail).
 * Guests asking for more than {@link #ANYONE} get 401; members without the needed role get 403.
 */
public enum Access {
    /** Guests included. */
    ANYONE,
    /** Any signed-in member; core decides the rest (locked threads, bans). */
    MEMBER,
    /** Signed-in; core allows the author of the content (or the member themself) and staff. */
    OWNER_OR_STAFF,
    /** Signed-in; core allows the member themself and admins. */
    OWNER_OR_ADMIN,
    /** Moderators and admins who are not banned. */
    STAFF,
    /**
     * Signed-in; core allows those who may moderate the content's board: moderators and admins by default, and any
     * group or member the permission grid gives "moderate" on that board.
     */
    BOARD_MODERATOR,
    /** Admins who are not banned. */
    ADMIN
}
