package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.ConflictException;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.thread.ReadStates;


import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

final class JdbiReadStates implements ReadStates {
    static final String LAST_READ = "SELECT last_read FROM read_states WHERE member_id = ? AND thread_id = ?";

    private final JdbiTransactions db;

    JdbiReadStates(JdbiTransactions db) {
        this.db = db;
    }

    @Override
    public int lastRead(MemberId member, ThreadId thread) {
        // a signed-in thread page's read: plain JDBC (task signedplain)
        return db.plain(LAST_READ, s -> {
            s.setLong(1, member.value());
            s.setLong(2, thread.value());
        }, rs -> rs.next() ? rs.getInt(1) : 0);
    }

    @Override
    public Map<ThreadId, Integer> lastRead(MemberId member, Collection<ThreadId> threads) {
        Map<ThreadId, Integer> out = new HashMap<>();
        if (threads.isEmpty()) {
            return out;
        }
        List<Long> ids = threads.stream().map(ThreadId::value).distinct().toList();
        db.use(h -> h.createQuery("SELECT thread_id, last_read FROM read_states WHERE member_id = :member AND thread_id IN (<ids>)")
                .bind("member", member.value()).bindList("ids", ids)
                .map((rs, ctx) -> Map.entry(ThreadId.of(rs.getLong("thread_id")), rs.getInt("last_read")))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    @Override
    public void markRead(MemberId member, ThreadId thread, int number) {
        if (db.defers()) {
            db.later("INSERT INTO read_states (member_id, thread_id, last_read) VALUES (?, ?, ?)"
                    + " ON CONFLICT (member_id, thread_id) DO UPDATE SET last_read = GREATEST(read_states.last_read,"
                    + " EXCLUDED.last_read)", n -> { }, member.value(), thread.value(), number);
            return;
        }
        switch (db.dialect()) {
            case POSTGRES -> db.use(h -> h.createUpdate("INSERT INTO read_states (member_id, thread_id, last_read)"
                            + " VALUES (:member, :thread, :n) ON CONFLICT (member_id, thread_id)"
                            + " DO UPDATE SET last_read = GREATEST(read_states.last_read, EXCLUDED.last_read)")
                    .bind("member", member.value()).bind("thread", thread.value()).bind("n", number).execute());
            case H2 -> mergeH2(member, thread, number);
        }
    }

    /** The read mark's upsert on H2: a plain JDBC statement on every reply (task h2writer). */
    private static final String MERGE_H2 = "MERGE INTO read_states t USING (VALUES (CAST(? AS BIGINT),"
            + " CAST(? AS BIGINT), CAST(? AS INTEGER))) AS s (member_id, thread_id, last_read)"
            + " ON t.member_id = s.member_id AND t.thread_id = s.thread_id"
            + " WHEN MATCHED AND t.last_read < s.last_read THEN UPDATE SET last_read = s.last_read"
            + " WHEN NOT MATCHED THEN INSERT (member_id, thread_id, last_read)"
            + " VALUES (s.member_id, s.thread_id, s.last_read)";

    private void mergeH2(MemberId member, ThreadId thread, int number) {
        try {
            db.plainUpdate(MERGE_H2, member.value(), thread.value(), number);
        } catch (ConflictException e) {
            // two first reads of one thread by one member raced to insert: the row exists now, so merge again
            db.plainUpdate(MERGE_H2, member.value(), thread.value(), number);
        }
    }
}
