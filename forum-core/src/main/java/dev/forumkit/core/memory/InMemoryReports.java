package dev.forumkit.core.memory;

import dev.forumkit.core.ConflictException;
import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.report.Report;
import dev.forumkit.core.report.ReportId;
import dev.forumkit.core.report.ReportNote;
import dev.forumkit.core.report.ReportStatus;
import dev.forumkit.core.report.ReportSubject;
import dev.forumkit.core.report.Reports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

final class InMemoryReports implements Reports {
    private static final Comparator<Report> LIVELIEST_FIRST =
            Comparator.comparing(Report::updatedAt).thenComparing(r -> r.id().value()).reversed();
    private final Tables db;
    private final Tables.TxMap<Long, Report> reports;

    InMemoryReports(Tables db) {
        this.db = db;
        this.reports = db.map();
    }

    @Override
    public Report add(Report report) {
        return db.write(() -> {
            if (report.isOpen() && openFor(report.subject()).isPresent()) {
                throw new ConflictException("that content already has an open report");
            }
            Report stored = report.withId(ReportId.of(db.nextId()));
            reports.put(stored.id().value(), stored);
            return stored;
        });
    }

    @Override
    public Optional<Report> byId(ReportId id) {
        return db.read(() -> Optional.ofNullable(reports.get(id.value())));
    }

    @Override
    public Optional<Report> openFor(ReportSubject subject) {
        return db.read(() -> reports.values().stream().filter(r -> r.isOpen() && r.subject().equals(subject)).findFirst());
    }

    @Override
    public void addNote(ReportId id, ReportNote note) {
        db.run(() -> {
            Report r = existing(id);
            List<ReportNote> notes = new ArrayList<>(r.notes());
            notes.add(note);
            reports.put(id.value(), new Report(r.id(), r.subject(), r.reported(), r.thread(), r.status(), r.openedAt(),
                    note.at(), r.closedBy(), r.closedAt(), notes));
        });
    }

    @Override
    public void close(ReportId id, ReportStatus status, MemberId by, Instant at) {
        db.run(() -> {
            Report r = existing(id);
            if (!r.isOpen() || status == ReportStatus.OPEN) {
                throw new ConflictException("only an open report can be closed");
            }
            reports.put(id.value(), new Report(r.id(), r.subject(), r.reported(), r.thread(), status, r.openedAt(), at,
                    by, at, r.notes()));
        });
    }

    @Override
    public List<Report> page(ReportStatus status, int offset, int limit) {
        return db.read(() -> reports.values().stream().filter(r -> r.status() == status).sorted(LIVELIEST_FIRST)
                .skip(offset).limit(limit).toList());
    }

    @Override
    public long count(ReportStatus status) {
        return db.read(() -> reports.values().stream().filter(r -> r.status() == status).count());
    }

    private Report existing(ReportId id) {
        Report r = reports.get(id.value());
        if (r == null) {
            throw new NotFoundException("no report " + id);
        }
        return r;
    }
}
