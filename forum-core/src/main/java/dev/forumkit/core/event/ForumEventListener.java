package dev.forumkit.core.event;

/** Receives events after commit, on the thread that ran the command. A listener that throws is logged and skipped. */
@FunctionalInterface
public interface ForumEventListener {
    void on(ForumEvent event);
}
