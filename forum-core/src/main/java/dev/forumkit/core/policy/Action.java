package dev.forumkit.core.policy;

/** Everything an actor may try; {@link Policy} decides each one for each {@link Standing}. */
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
    CHANGE_PASSWORD,
    CHANGE_EMAIL,
    CHANGE_ROLE,
    BAN_MEMBER,
    MANAGE_STRUCTURE,
    RECOUNT,
    RERENDER_POSTS
}
