package dev.forumkit.core.policy;

/** Everything an actor may try; {@link Policy} decides each one for each {@link Standing} and grid {@link Permissions}. */
public enum Action {
    READ_FORUM,
    VIEW_DELETED,
    START_THREAD,
    REPLY,
    EDIT_POST,
    DELETE_POST,
    RESTORE_POST,
    REACT,
    LOCK_THREAD,
    PIN_THREAD,
    MOVE_THREAD,
    DELETE_THREAD,
    RESTORE_THREAD,
    UPDATE_PROFILE,
    /** Set a custom title: admins anyone's, others their own with the grid's "set own custom title". */
    SET_CUSTOM_TITLE,
    CHANGE_PASSWORD,
    CHANGE_EMAIL,
    CHANGE_ROLE,
    BAN_MEMBER,
    MANAGE_STRUCTURE,
    RECOUNT,
    RERENDER_POSTS,
    /** Report a post or a member profile to the moderators. */
    REPORT_CONTENT,
    /** Work the report queue: read, comment on, resolve and reject reports. */
    HANDLE_REPORTS,
    /** Give a member a warning (points, expiry, reason) for a post. */
    WARN_MEMBER,
    /** See a member's warnings (their own, or anyone's for staff). */
    VIEW_WARNINGS,
    /** Work the approval queue of a board: approve or reject held posts (who moderates the board). */
    APPROVE_CONTENT,
    /** Read the audit log of moderator and admin actions. */
    VIEW_AUDIT_LOG,
    UPLOAD,
    VOTE_IN_POLL,
    /** Create, change and remove groups and put members in them (admins). */
    MANAGE_GROUPS,
    /** Set the permission grid and read explanations (admins). */
    MANAGE_PERMISSIONS,
    /** Make, list and revoke API keys and webhooks (admins). */
    MANAGE_INTEGRATIONS,

    /** Rebuild the search index while the forum serves (admins). */
    REBUILD_SEARCH,

    /** Open and download the attachments of posts one can read. */
    VIEW_ATTACHMENTS
}
