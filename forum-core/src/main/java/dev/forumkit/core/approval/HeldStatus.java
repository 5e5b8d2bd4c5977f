package dev.forumkit.core.approval;

/** Where a held post is: waiting in the queue, approved (it is a post now) or rejected (with a reason). */
public enum HeldStatus {
    PENDING, APPROVED, REJECTED
}
