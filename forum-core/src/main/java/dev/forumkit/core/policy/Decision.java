package dev.forumkit.core.policy;

import java.util.List;

/**
 * A decision with its reasons, as {@link Policy#explain} gives it: {@code summary} is one line ("denied: never for
 * group Staff on board Lounge"), {@code rules} every grid cell and situation that was looked at.
 */
public record Decision(Action action, boolean allowed, String summary, List<Grid.Trace> permissions, List<String> notes) {
    public Decision {
        permissions = List.copyOf(permissions);
        notes = List.copyOf(notes);
    }
}
