package dev.forumkit.core.read;

import dev.forumkit.core.profile.Profile;

/**
 * What the frame of a signed-in member's page shows about them beyond the member record: unread alerts, conversations
 * with unread messages, and their display settings (time zone, date format, language).
 *
 * @param settings null when the caller did not ask for them (a page that read them already)
 */
public record ViewerChrome(long unreadAlerts, long unreadConversations, Profile settings) {
    public ViewerChrome {
        if (unreadAlerts < 0 || unreadConversations < 0) {
            throw new IllegalArgumentException("counts are never negative");
        }
    }
}
