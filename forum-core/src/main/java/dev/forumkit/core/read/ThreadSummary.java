package dev.forumkit.core.read;

import dev.forumkit.core.thread.ForumThread;

/** A thread in a list (board page, What's new): with its board title, starter, last poster and unread flag. */
public record ThreadSummary(ForumThread thread, String boardTitle, String starterName, String lastPosterName,
                            boolean unread) {
}
