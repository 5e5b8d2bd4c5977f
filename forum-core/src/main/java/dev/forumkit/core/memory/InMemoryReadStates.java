package dev.forumkit.core.memory;

import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.thread.ReadStates;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

final class InMemoryReadStates implements ReadStates {
    record Key(long member, long thread) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Long.compare(member, o.member);
            return c != 0 ? c : Long.compare(thread, o.thread);
        }
    }

    private final Tables db;
    private final Tables.TxMap<Key, Integer> rows;

    InMemoryReadStates(Tables db) {
        this.db = db;
        this.rows = db.map();
    }

    @Override
    public int lastRead(MemberId member, ThreadId thread) {
        Integer n = db.read(() -> rows.get(new Key(member.value(), thread.value())));
        return n == null ? 0 : n;
    }

    @Override
    public Map<ThreadId, Integer> lastRead(MemberId member, Collection<ThreadId> threads) {
        return db.read(() -> {
            Map<ThreadId, Integer> out = new HashMap<>();
            for (ThreadId t : threads) {
                Integer n = rows.get(new Key(member.value(), t.value()));
                if (n != null) {
                    out.put(t, n);
                }
            }
            return out;
        });
    }

    @Override
    public void markRead(MemberId member, ThreadId thread, int number) {
        db.run(() -> {
            Key key = new Key(member.value(), thread.value());
            Integer old = rows.get(key);
            if (old == null || old < number) {
                rows.put(key, number);
            }
        });
    }
}
