package dev.forumkit.core.warning;

import java.util.List;

/** A member's warnings, newest first, with the points that count now (of warnings not yet expired). */
public record MemberWarnings(List<Warning> warnings, int activePoints) {
    public MemberWarnings {
        warnings = List.copyOf(warnings);
    }
}
