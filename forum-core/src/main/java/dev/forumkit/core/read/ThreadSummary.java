package dev.forumkit.core.read;

import dev.forumkit.core.thread.ForumThread;

/**
 * A thread in a list (board page, What's new) or on its own after a command: with its board title, starter, last
 * poster, unread flag and what the viewer may do with it, as the policy decides.
 */
public record ThreadSummary(ForumThread thread, String boardTitle, String starterName, String lastPosterName,
                            boolean unread, boolean canReply, boolean canReact, boolean canModerate) {
}
