package dev.forumkit.web.internal;

import dev.forumkit.core.report.Report;
import dev.forumkit.core.report.ReportView;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** A report as moderators see it: subject, status, who closed it, and every reason and comment with its author. */
record ReportJson(long id, String subjectType, long subjectId, String subjectLabel, Long threadId, String excerpt,
                  long reportedId, String reportedName, String status, Instant openedAt, Instant updatedAt,
                  Long closedBy, String closedByName, Instant closedAt, int reporterCount, List<NoteJson> notes) {

    record NoteJson(String kind, long authorId, String authorName, String text, Instant at) {
    }

    static ReportJson from(ReportView v) {
        Report r = v.report();
        List<NoteJson> notes = r.notes().stream().map(n -> new NoteJson(n.kind().name().toLowerCase(Locale.ROOT),
                n.author().value(), v.name(n.author()), n.text(), n.at())).toList();
        return new ReportJson(r.id().value(), r.subject().kind().name().toLowerCase(Locale.ROOT), r.subject().id(),
                v.subjectLabel(), r.thread() == null ? null : r.thread().value(), v.excerpt(), r.reported().value(),
                v.name(r.reported()), r.status().name().toLowerCase(Locale.ROOT), r.openedAt(), r.updatedAt(),
                r.closedBy() == null ? null : r.closedBy().value(), v.name(r.closedBy()), r.closedAt(),
                r.reporters().size(), notes);
    }

    /** What a reporter learns when filing: the report exists and is open; never who else reported it. */
    record Filed(long id, String status) {
    }
}
