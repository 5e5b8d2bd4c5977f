package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.alert.Ignores;
import dev.forumkit.core.member.MemberId;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

final class JdbiIgnores implements Ignores {
    private final JdbiTransactions db;
    private final String add;

    JdbiIgnores(JdbiTransactions db) {
        this.db = db;
        this.add = Upserts.sql(db.dialect(), "member_ignores", List.of("member_id", "ignored_id"), List.of());
    }

    @Override
    public void add(MemberId member, MemberId ignored) {
        db.use(h -> h.createUpdate(add).bind("member_id", member.value()).bind("ignored_id", ignored.value()).execute());
    }

    @Override
    public boolean remove(MemberId member, MemberId ignored) {
        return db.with(h -> h.createUpdate("DELETE FROM member_ignores WHERE member_id = :member AND ignored_id = :ignored")
                .bind("member", member.value()).bind("ignored", ignored.value()).execute()) > 0;
    }

    @Override
    public List<MemberId> ignoredBy(MemberId member) {
        return db.with(h -> h.createQuery("SELECT ignored_id FROM member_ignores WHERE member_id = :member ORDER BY ignored_id")
                .bind("member", member.value()).map((rs, ctx) -> MemberId.of(rs.getLong(1))).list());
    }

    @Override
    public Set<MemberId> ignorersOf(MemberId ignored) {
        return db.with(h -> h.createQuery("SELECT member_id FROM member_ignores WHERE ignored_id = :ignored")
                .bind("ignored", ignored.value()).map((rs, ctx) -> MemberId.of(rs.getLong(1)))
                .collect(java.util.stream.Collectors.toCollection(HashSet::new)));
    }
}
