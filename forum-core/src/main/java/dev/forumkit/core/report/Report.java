package dev.forumkit.core.report;

import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.MemberId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A report: its subject, the member whose content or profile it is about ({@code reported}), the thread of a
 * reported post, its status and who closed it when, and its notes (reasons and comments, oldest first).
 * {@code updatedAt} moves with every new reason or comment: the queue shows the liveliest reports first.
 */
public record Report(ReportId id, ReportSubject subject, MemberId reported, ThreadId thread, ReportStatus status,
                     Instant openedAt, Instant updatedAt, MemberId closedBy, Instant closedAt, List<ReportNote> notes) {
    public Report {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(reported, "reported");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        notes = List.copyOf(notes);
        if ((subject.kind() == ReportSubject.Kind.POST) != (thread != null)) {
            throw new IllegalArgumentException("a post report has a thread, a profile report none");
        }
        if ((status == ReportStatus.OPEN) != (closedBy == null && closedAt == null)) {
            throw new IllegalArgumentException("a report is closed by someone at some time exactly when it is not open");
        }
    }

    /** A new open report with its first reason, before the storage has given it an id. */
    public static Report open(ReportSubject subject, MemberId reported, ThreadId thread, ReportNote firstReason) {
        return new Report(null, subject, reported, thread, ReportStatus.OPEN, firstReason.at(), firstReason.at(), null,
                null, List.of(firstReason));
    }

    public Report withId(ReportId newId) {
        return new Report(newId, subject, reported, thread, status, openedAt, updatedAt, closedBy, closedAt, notes);
    }

    public Report withNotes(List<ReportNote> newNotes) {
        return new Report(id, subject, reported, thread, status, openedAt, updatedAt, closedBy, closedAt, newNotes);
    }

    /** The members who gave a reason, in the order they reported. */
    public List<MemberId> reporters() {
        return notes.stream().filter(n -> n.kind() == ReportNote.Kind.REASON).map(ReportNote::author).distinct().toList();
    }

    public boolean isOpen() {
        return status == ReportStatus.OPEN;
    }
}
