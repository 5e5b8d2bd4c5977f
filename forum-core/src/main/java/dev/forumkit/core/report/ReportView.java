package dev.forumkit.core.report;

import dev.forumkit.core.member.MemberId;

import java.util.Map;

/**
 * A report as moderators see it: the report, a label for its subject (the thread title of a post, the member's name
 * of a profile), the start of the reported post's text (null for profiles and posts that no longer exist), and the
 * names of everyone in it by id (reporters, commenters, the reported member, who closed it).
 */
public record ReportView(Report report, String subjectLabel, String excerpt, Map<MemberId, String> names) {
    public ReportView {
        names = Map.copyOf(names);
    }

    /** The member's name, or "a former member" for one who no longer exists. */
    public String name(MemberId id) {
        return id == null ? null : names.getOrDefault(id, "a former member");
    }
}
