package dev.forumkit.core.member;

import java.time.Instant;
import java.util.Objects;

/** A ban: who set it, why, when, and until when ({@code until} null means permanent). */
public record Ban(String reason, Instant since, Instant until, MemberId bannedBy) {
    public Ban {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(bannedBy, "bannedBy");
    }

    public boolean activeAt(Instant now) {
        return until == null || now.isBefore(until);
    }
}
