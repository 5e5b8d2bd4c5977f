package dev.forumkit.core.approval;

import java.util.Objects;

/** A held post as the queue and its author see it: with the author's name, the board's title and the thread's title. */
public record HeldView(HeldPost held, String authorName, String boardTitle, String threadTitle) {
    public HeldView {
        Objects.requireNonNull(held, "held");
    }

    /** The title to show: the new thread's own, or the thread the reply is for. */
    public String title() {
        return held.isNewThread() ? held.title() : threadTitle;
    }
}
