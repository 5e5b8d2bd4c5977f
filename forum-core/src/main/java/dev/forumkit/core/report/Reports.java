package dev.forumkit.core.report;

import java.util.List;
import java.util.Optional;

/**
 * Storage port for reports and their notes. Reports come back with every note, oldest first. At most one report per
 * subject is open: adding a second open one for a subject is a {@code ConflictException}.
 */
public interface Reports {
    /** Stores a new open report with its notes; returns it with its id. */
    Report add(Report report);

    Optional<Report> byId(ReportId id);

    /** The open report about the subject, if any. */
    Optional<Report> openFor(ReportSubject subject);

    /** Appends a note and moves the report's {@code updatedAt} to the note's time. */
    void addNote(ReportId id, ReportNote note);

    /** Closes an open report: status, who and when; also moves {@code updatedAt}. */
    void close(ReportId id, ReportStatus status, dev.forumkit.core.member.MemberId by, java.time.Instant at);

    /** Reports with the status, most recently updated first (then newest id). */
    List<Report> page(ReportStatus status, int offset, int limit);

    long count(ReportStatus status);
}
