package dev.forumkit.web;

import java.util.Objects;

/**
 * One forum page cut into the parts a host's {@link PageFrame} places. Every part except {@link #title()} is HTML the
 * forum rendered and escaped already: insert it as it is. Each HTML block sits in its own element with the class
 * {@code forumkit}, the root the forum's stylesheet is scoped to, so the forum's CSS styles these blocks and nothing
 * else of the host's page.
 *
 * @param title       the page's title as plain text (e.g. the thread's title): escape it for the host's {@code <title>}
 * @param head        for the host's {@code <head>}: the forum's stylesheet and script, canonical link, feeds, description
 *                    and robots meta
 * @param navigation  the navigation members need: boards, what's new, members (staff links for staff), the search box,
 *                    alerts and inbox with their unread counts, and the account links (or sign-in and registration)
 * @param breadcrumbs the way from the board index to this page; empty on the index itself
 * @param content     the page's own content in a {@code <main id="content">}, with the forum's notices to the viewer
 *                    (such as "verify your e-mail address") above it
 * @param viewer      who is looking and their unread counts, for a host that shows them in its own header
 * @param status      the HTTP status the forum answers with (200, or 404 for the error page, ...)
 */
public record ForumPage(String title, String head, String navigation, String breadcrumbs, String content,
                        Viewer viewer, int status) {
    public ForumPage {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(navigation, "navigation");
        Objects.requireNonNull(breadcrumbs, "breadcrumbs");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(viewer, "viewer");
    }

    /**
     * Who reads the page: a guest ({@code username} null) or a member, with the member's profile address and how
     * many alerts and conversations are unread ({@code -1} when unknown: for guests, or when they could not be counted).
     */
    public record Viewer(String username, String profileUrl, long unreadAlerts, long unreadConversations) {
        public Viewer {
            if ((username == null) != (profileUrl == null)) {
                throw new IllegalArgumentException("a member has a username and a profile address, a guest neither");
            }
            if (unreadAlerts < -1 || unreadConversations < -1) {
                throw new IllegalArgumentException("an unread count is -1 (unknown) or more");
            }
        }

        /** A guest: nobody signed in. */
        public static Viewer guest() {
            return new Viewer(null, null, -1, -1);
        }

        public boolean signedIn() {
            return username != null;
        }
    }
}
