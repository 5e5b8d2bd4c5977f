package dev.forumkit.web.internal.html;

/**
 * The watch button of a thread or board page: hidden for guests; otherwise whether the viewer watches, and how
 * (by e-mail too; a board for every post or new threads only).
 */
public record WatchButton(boolean shown, boolean watching, boolean email, boolean everyPost) {
    static WatchButton guest() {
        return new WatchButton(false, false, false, false);
    }
}
