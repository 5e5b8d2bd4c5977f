package dev.forumkit.core.conversation;

import java.time.Duration;
import java.util.Objects;

/**
 * The forum's limits on conversations: at most {@code maxParticipants} members in one (the starter included), and at
 * most {@code startsPerWindow} conversations started by one member within {@code window} (staff are not limited).
 */
public record ConversationLimits(int maxParticipants, int startsPerWindow, Duration window) {
    /** 20 participants; 10 new conversations an hour. */
    public static final ConversationLimits DEFAULTS = new ConversationLimits(20, 10, Duration.ofHours(1));

    public ConversationLimits {
        Objects.requireNonNull(window, "window");
        if (maxParticipants < 2) {
            throw new IllegalArgumentException("a conversation needs room for at least 2 participants: " + maxParticipants);
        }
        if (startsPerWindow < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the start limit needs at least 1 start in a positive window");
        }
    }
}
