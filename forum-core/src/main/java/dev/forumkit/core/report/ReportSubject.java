package dev.forumkit.core.report;

import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.PostId;

import java.util.Objects;

/** What a report is about: a post or a member profile. At most one open report exists per subject. */
public record ReportSubject(Kind kind, long id) {
    public enum Kind { POST, MEMBER }

    public ReportSubject {
        Objects.requireNonNull(kind, "kind");
        if (id <= 0) {
            throw new IllegalArgumentException("report subject id must be positive: " + id);
        }
    }

    public static ReportSubject post(PostId id) {
        return new ReportSubject(Kind.POST, id.value());
    }

    public static ReportSubject member(MemberId id) {
        return new ReportSubject(Kind.MEMBER, id.value());
    }

    /** The post reported, or null for a profile report. */
    public PostId postId() {
        return kind == Kind.POST ? PostId.of(id) : null;
    }
}
