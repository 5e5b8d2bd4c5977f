package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.ConflictException;
import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.report.Report;
import dev.forumkit.core.report.ReportId;
import dev.forumkit.core.report.ReportNote;
import dev.forumkit.core.report.ReportStatus;
import dev.forumkit.core.report.ReportSubject;
import dev.forumkit.core.report.Reports;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reports and their notes; a report is read with its notes in one more query per page. */
final class JdbiReports implements Reports {
    private static final String SELECT = "SELECT id, subject_kind, subject_id, reported_id, thread_id, status, opened_at,"
            + " updated_at, closed_by, closed_at FROM reports";
    /** A report without its notes, filled in by {@link #withNotes}. */
    private static final RowMapper<Report> MAPPER = (rs, ctx) -> {
        Long thread = Rows.nullableLong(rs, 5);
        return new Report(ReportId.of(rs.getLong(1)),
                new ReportSubject(ReportSubject.Kind.valueOf(rs.getString(2)), rs.getLong(3)), MemberId.of(rs.getLong(4)),
                thread == null ? null : ThreadId.of(thread), ReportStatus.valueOf(rs.getString(6)), Rows.instant(rs, 7),
                Rows.instant(rs, 8), Rows.memberId(rs, 9), Rows.instant(rs, 10), List.of());
    };

    private final JdbiTransactions db;
    private final String insert;

    JdbiReports(JdbiTransactions db) {
        this.db = db;
        this.insert = db.dialect().returning("INSERT INTO reports (subject_kind, subject_id, reported_id, thread_id, status,"
                + " opened_at, updated_at, closed_by, closed_at, open_subject) VALUES (:kind, :subject, :reported, :thread,"
                + " :status, :opened, :updated, :closedBy, :closedAt, :open)", "id");
    }

    @Override
    public Report add(Report r) {
        return db.with(h -> {
            long id = h.createQuery(insert).bind("kind", r.subject().kind().name()).bind("subject", r.subject().id())
                    .bind("reported", r.reported().value()).bind("thread", r.thread() == null ? null : r.thread().value())
                    .bind("status", r.status().name()).bind("opened", Rows.ts(r.openedAt()))
                    .bind("updated", Rows.ts(r.updatedAt()))
                    .bind("closedBy", r.closedBy() == null ? null : r.closedBy().value()).bind("closedAt", Rows.ts(r.closedAt()))
                    .bind("open", r.isOpen() ? openKey(r.subject()) : null).mapTo(Long.class).one();
            for (ReportNote n : r.notes()) {
                insertNote(h, id, n);
            }
            return r.withId(ReportId.of(id));
        });
    }

    @Override
    public Optional<Report> byId(ReportId id) {
        return db.with(h -> h.createQuery(SELECT + " WHERE id = :id").bind("id", id.value()).map(MAPPER).findOne()
                .map(r -> withNotes(h, List.of(r)).get(0)));
    }

    @Override
    public Optional<Report> openFor(ReportSubject subject) {
        return db.with(h -> h.createQuery(SELECT + " WHERE open_subject = :open").bind("open", openKey(subject))
                .map(MAPPER).findOne().map(r -> withNotes(h, List.of(r)).get(0)));
    }

    @Override
    public void addNote(ReportId id, ReportNote note) {
        db.use(h -> {
            int n = h.createUpdate("UPDATE reports SET updated_at = :at WHERE id = :id")
                    .bind("at", Rows.ts(note.at())).bind("id", id.value()).execute();
            if (n == 0) {
                throw new NotFoundException("no report " + id);
            }
            insertNote(h, id.value(), note);
        });
    }

    @Override
    public void close(ReportId id, ReportStatus status, MemberId by, Instant at) {
        if (status == ReportStatus.OPEN) {
            throw new IllegalArgumentException("closing needs a closed status");
        }
        int n = db.with(h -> h.createUpdate("UPDATE reports SET status = :status, closed_by = :by, closed_at = :at,"
                        + " updated_at = :at, open_subject = NULL WHERE id = :id AND status = 'OPEN'")
                .bind("status", status.name()).bind("by", by.value()).bind("at", Rows.ts(at)).bind("id", id.value()).execute());
        if (n == 0) {
            throw new ConflictException("only an open report can be closed");
        }
    }

    @Override
    public List<Report> page(ReportStatus status, int offset, int limit) {
        return db.with(h -> withNotes(h, h.createQuery(SELECT + " WHERE status = :status"
                        + " ORDER BY updated_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .bind("status", status.name()).bind("limit", limit).bind("offset", offset).map(MAPPER).list()));
    }

    @Override
    public long count(ReportStatus status) {
        return db.with(h -> h.createQuery("SELECT COUNT(*) FROM reports WHERE status = :status")
                .bind("status", status.name()).mapTo(Long.class).one());
    }

    private static void insertNote(Handle h, long reportId, ReportNote n) {
        h.createUpdate("INSERT INTO report_notes (report_id, kind, author_id, body, created_at)"
                        + " VALUES (:report, :kind, :author, :body, :at)")
                .bind("report", reportId).bind("kind", n.kind().name()).bind("author", n.author().value())
                .bind("body", n.text()).bind("at", Rows.ts(n.at())).execute();
    }

    private static List<Report> withNotes(Handle h, List<Report> reports) {
        if (reports.isEmpty()) {
            return reports;
        }
        Map<Long, List<ReportNote>> notes = new HashMap<>();
        h.createQuery("SELECT report_id, kind, author_id, body, created_at FROM report_notes WHERE report_id IN (<ids>)"
                        + " ORDER BY id")
                .bindList("ids", reports.stream().map(r -> r.id().value()).toList())
                .map((rs, ctx) -> {
                    notes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new ReportNote(
                            ReportNote.Kind.valueOf(rs.getString(2)), MemberId.of(rs.getLong(3)), rs.getString(4),
                            Rows.instant(rs, 5)));
                    return null;
                }).list();
        return reports.stream().map(r -> r.withNotes(notes.getOrDefault(r.id().value(), List.of()))).toList();
    }

    private static String openKey(ReportSubject s) {
        return s.kind().name() + ":" + s.id();
    }
}
