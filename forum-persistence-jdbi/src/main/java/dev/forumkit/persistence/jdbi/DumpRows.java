package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.group.GroupId;
import dev.forumkit.core.member.MemberId;

import java.util.Objects;

/** The rows of an export that have no record in core: a member's read mark in a thread and a place in a group. */
public final class DumpRows {
    private DumpRows() {
    }

    /** The highest post number {@code member} has read in {@code thread}. */
    public record ReadMark(MemberId member, ThreadId thread, int lastRead) {
        public ReadMark {
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(thread, "thread");
            if (lastRead < 0) {
                throw new IllegalArgumentException("last_read must be >= 0: " + lastRead);
            }
        }
    }

    /** A member's place in a custom group; at most one of a member's groups is primary. */
    public record GroupMembership(MemberId member, GroupId group, boolean primary) {
        public GroupMembership {
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(group, "group");
        }
    }
}
