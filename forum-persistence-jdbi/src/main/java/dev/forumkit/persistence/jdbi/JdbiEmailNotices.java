package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.alert.AlertKind;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.notify.EmailNotice;
import dev.forumkit.core.notify.EmailNotices;
import dev.forumkit.core.notify.Unsubscribe;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

final class JdbiEmailNotices implements EmailNotices {
    private static final RowMapper<EmailNotice> NOTICE = (rs, ctx) -> new EmailNotice(MemberId.of(rs.getLong("member_id")),
            ThreadId.of(rs.getLong("thread_id")), rs.getInt("post_number"), rs.getLong("source_position"),
            Rows.instant(rs, "sent_at"));
    private static final RowMapper<Unsubscribe> UNSUBSCRIBE = (rs, ctx) -> {
        Long thread = Rows.nullableLong(rs, "thread_id");
        Long board = Rows.nullableLong(rs, "board_id");
        return new Unsubscribe(rs.getString("token_hash"), MemberId.of(rs.getLong("member_id")),
                Unsubscribe.Scope.valueOf(rs.getString("scope")), AlertKind.valueOf(rs.getString("kind")),
                thread == null ? null : ThreadId.of(thread), board == null ? null : BoardId.of(board),
                Rows.instant(rs, "created_at"));
    };

    private final JdbiTransactions db;
    private final String put;

    JdbiEmailNotices(JdbiTransactions db) {
        this.db = db;
        this.put = Upserts.sql(db.dialect(), "email_notices", List.of("member_id", "thread_id"),
                List.of("post_number", "source_position", "sent_at"));
    }

    @Override
    public Optional<EmailNotice> last(MemberId member, ThreadId thread) {
        return db.with(h -> h.createQuery("SELECT member_id, thread_id, post_number, source_position, sent_at"
                        + " FROM email_notices WHERE member_id = :member AND thread_id = :thread")
                .bind("member", member.value()).bind("thread", thread.value()).map(NOTICE).findOne());
    }

    @Override
    public void put(EmailNotice n) {
        db.use(h -> h.createUpdate(put).bind("member_id", n.member().value()).bind("thread_id", n.thread().value())
                .bind("post_number", n.postNumber()).bind("source_position", n.sourcePosition())
                .bind("sent_at", Rows.ts(n.sentAt())).execute());
    }

    @Override
    public void addUnsubscribe(Unsubscribe u) {
        db.use(h -> h.createUpdate("INSERT INTO email_unsubscribes (token_hash, member_id, scope, kind, thread_id, board_id,"
                        + " created_at) VALUES (:hash, :member, :scope, :kind, :thread, :board, :created)")
                .bind("hash", u.tokenHash()).bind("member", u.member().value()).bind("scope", u.scope().name())
                .bind("kind", u.kind().name()).bind("thread", u.thread() == null ? null : u.thread().value())
                .bind("board", u.board() == null ? null : u.board().value()).bind("created", Rows.ts(u.createdAt())).execute());
    }

    @Override
    public Optional<Unsubscribe> unsubscribe(String tokenHash) {
        return db.with(h -> h.createQuery("SELECT token_hash, member_id, scope, kind, thread_id, board_id, created_at"
                + " FROM email_unsubscribes WHERE token_hash = :hash").bind("hash", tokenHash).map(UNSUBSCRIBE).findOne());
    }

    @Override
    public int pruneUnsubscribes(Instant before) {
        return db.with(h -> h.createUpdate("DELETE FROM email_unsubscribes WHERE created_at < :before")
                .bind("before", Rows.ts(before)).execute());
    }
}
