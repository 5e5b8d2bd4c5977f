package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.board.CategoryId;
import dev.forumkit.core.group.GroupId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.policy.Grant;
import dev.forumkit.core.policy.GrantValue;
import dev.forumkit.core.policy.Grants;
import dev.forumkit.core.policy.Permission;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;

import java.util.List;

final class JdbiGrants implements Grants {
    private static final List<String> KEY = List.of("subject_kind", "subject_id", "scope_kind", "scope_id", "permission");
    private static final String WHERE_KEY = " WHERE subject_kind = :subject_kind AND subject_id = :subject_id"
            + " AND scope_kind = :scope_kind AND scope_id = :scope_id AND permission = :permission";
    private static final RowMapper<Grant> MAPPER = (rs, ctx) -> {
        long subjectId = rs.getLong("subject_id");
        Grant.Subject subject = "g".equals(rs.getString("subject_kind")) ? Grant.Subject.group(GroupId.of(subjectId))
                : Grant.Subject.member(MemberId.of(subjectId));
        long scopeId = rs.getLong("scope_id");
        Grant.Scope scope = switch (rs.getString("scope_kind")) {
            case "c" -> Grant.Scope.category(CategoryId.of(scopeId));
            case "b" -> Grant.Scope.board(BoardId.of(scopeId));
            default -> Grant.Scope.GLOBAL;
        };
        return new Grant(subject, scope, Permission.valueOf(rs.getString("permission")),
                GrantValue.valueOf(rs.getString("grant_value")));
    };
    private final JdbiTransactions db;
    private final String upsert;

    JdbiGrants(JdbiTransactions db) {
        this.db = db;
        this.upsert = Upserts.sql(db.dialect(), "permission_grants", KEY, List.of("grant_value"));
    }

    private static <S extends SqlStatement<S>> S bindKey(S statement, Grant.Subject subject, Grant.Scope scope, Permission p) {
        return bindSubject(statement, subject)
                .bind("scope_kind", scope.board() != null ? "b" : scope.category() != null ? "c" : "f")
                .bind("scope_id", scope.board() != null ? scope.board().value()
                        : scope.category() != null ? scope.category().value() : 0L)
                .bind("permission", p.name());
    }

    private static <S extends SqlStatement<S>> S bindSubject(S statement, Grant.Subject subject) {
        return statement.bind("subject_kind", subject.group() != null ? "g" : "m")
                .bind("subject_id", subject.group() != null ? subject.group().value() : subject.member().value());
    }

    @Override
    public void put(Grant grant) {
        db.use(h -> bindKey(h.createUpdate(upsert), grant.subject(), grant.scope(), grant.permission())
                .bind("grant_value", grant.value().name()).execute());
    }

    @Override
    public boolean remove(Grant.Subject subject, Grant.Scope scope, Permission permission) {
        return db.with(h -> bindKey(h.createUpdate("DELETE FROM permission_grants" + WHERE_KEY), subject, scope, permission)
                .execute()) > 0;
    }

    @Override
    public int removeAll(Grant.Subject subject) {
        return db.with(h -> bindSubject(h.createUpdate("DELETE FROM permission_grants"
                + " WHERE subject_kind = :subject_kind AND subject_id = :subject_id"), subject).execute());
    }

    @Override
    public long version() {
        return db.with(h -> h.createQuery("SELECT version FROM permission_version WHERE id = 1").mapTo(Long.class).one());
    }

    @Override
    public void bump() {
        db.use(h -> h.createUpdate("UPDATE permission_version SET version = version + 1 WHERE id = 1").execute());
    }

    @Override
    public List<Grant> all() {
        return db.with(h -> h.createQuery("SELECT subject_kind, subject_id, scope_kind, scope_id, permission, grant_value"
                + " FROM permission_grants").map(MAPPER).list());
    }
}
