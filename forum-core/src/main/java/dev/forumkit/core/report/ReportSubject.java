package dev.forumkit.core.report;

import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.PostId;

import java.util.Objects;

/** What a report is about: a post, a member profile or a message in a private conversation. At most one open report exists per subject. */
public record ReportSubject(Kind kind, long id) {
    public enum Kind { POST, MEMBER, MESSAGE }

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

    /** A message in a conversation: reporting it lets moderators read that conversation. */
    public static ReportSubject message(dev.forumkit.core.conversation.MessageId id) {
        return new ReportSubject(Kind.MESSAGE, id.value());
    }

    /** The post reported, or null for a profile report. */
    public PostId postId() {
        return kind == Kind.POST ? PostId.of(id) : null;
    }
}
