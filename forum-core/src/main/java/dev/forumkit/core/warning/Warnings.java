package dev.forumkit.core.warning;

import dev.forumkit.core.member.MemberId;

import java.util.List;

/** Storage port for warnings. */
public interface Warnings {
    /** Stores a new warning; returns it with its id. */
    Warning add(Warning warning);

    /** Every warning of the member, newest first (issued time, then id). */
    List<Warning> ofMember(MemberId member);

    java.util.Optional<Warning> byId(WarningId id);

    /** Marks the warning revoked, only if it is not yet: true when written. */
    boolean revoke(WarningId id, MemberId by, java.time.Instant at);
}
