package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.audit.AuditAction;
import dev.forumkit.core.audit.AuditEntry;
import dev.forumkit.core.audit.AuditFilter;
import dev.forumkit.core.audit.AuditLog;
import dev.forumkit.core.audit.AuditTarget;
import dev.forumkit.core.member.MemberId;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;

import java.util.ArrayList;
import java.util.List;

/** The audit log table: insert and select only, by design. */
final class JdbiAuditLog implements AuditLog {
    private static final String COLUMNS = "id, created_at, actor_id, action, target_kind, target_id, before_text, after_text, reason";
    private static final RowMapper<AuditEntry> MAPPER = (rs, ctx) -> new AuditEntry(rs.getLong(1), Rows.instant(rs, 2),
            MemberId.of(rs.getLong(3)), AuditAction.valueOf(rs.getString(4)),
            new AuditTarget(AuditTarget.Kind.valueOf(rs.getString(5)), rs.getLong(6)), rs.getString(7), rs.getString(8),
            rs.getString(9));

    private final JdbiTransactions db;
    private final String insert;

    JdbiAuditLog(JdbiTransactions db) {
        this.db = db;
        this.insert = db.dialect().returning("INSERT INTO audit_log (created_at, actor_id, action, target_kind, target_id,"
                + " before_text, after_text, reason) VALUES (:at, :actor, :action, :kind, :target, :before, :after, :reason)", "id");
    }

    @Override
    public AuditEntry append(AuditEntry e) {
        long id = db.with(h -> h.createQuery(insert).bind("at", Rows.ts(e.at())).bind("actor", e.actor().value())
                .bind("action", e.action().name()).bind("kind", e.target().kind().name()).bind("target", e.target().id())
                .bind("before", e.before()).bind("after", e.after()).bind("reason", e.reason()).mapTo(Long.class).one());
        return e.withId(id);
    }

    @Override
    public List<AuditEntry> page(AuditFilter filter, int offset, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM audit_log" + where(filter)
                + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset";
        return db.with(h -> bind(h.createQuery(sql), filter).bind("limit", limit).bind("offset", offset).map(MAPPER).list());
    }

    @Override
    public long count(AuditFilter filter) {
        String sql = "SELECT COUNT(*) FROM audit_log" + where(filter);
        return db.with(h -> bind(h.createQuery(sql), filter).mapTo(Long.class).one());
    }

    private static String where(AuditFilter f) {
        List<String> terms = new ArrayList<>();
        if (f.actor() != null) {
            terms.add("actor_id = :actor");
        }
        if (f.action() != null) {
            terms.add("action = :action");
        }
        if (f.targetKind() != null) {
            terms.add("target_kind = :kind");
        }
        if (f.targetId() != null) {
            terms.add("target_id = :target");
        }
        if (f.from() != null) {
            terms.add("created_at >= :from");
        }
        if (f.to() != null) {
            terms.add("created_at < :to");
        }
        return terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms);
    }

    private static <S extends SqlStatement<S>> S bind(S s, AuditFilter f) {
        if (f.actor() != null) {
            s.bind("actor", f.actor().value());
        }
        if (f.action() != null) {
            s.bind("action", f.action().name());
        }
        if (f.targetKind() != null) {
            s.bind("kind", f.targetKind().name());
        }
        if (f.targetId() != null) {
            s.bind("target", f.targetId().longValue());
        }
        if (f.from() != null) {
            s.bind("from", Rows.ts(f.from()));
        }
        if (f.to() != null) {
            s.bind("to", Rows.ts(f.to()));
        }
        return s;
    }
}
