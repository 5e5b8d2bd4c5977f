package dev.forumkit.core.watch;

import dev.forumkit.core.thread.ForumThread;

/** A line of a member's watched threads; {@code thread} is null when the member may no longer see it (deleted). */
public record WatchedThread(ThreadWatch watch, ForumThread thread) {
}
