package dev.forumkit.core.memory;

import dev.forumkit.core.member.SetupTokens;

import java.time.Instant;
import java.util.List;

final class InMemorySetupTokens implements SetupTokens {
    private final Tables db;
    private final Tables.TxMap<String, Row> rows;

    private record Row(String tokenHash, Instant createdAt) {
    }

    InMemorySetupTokens(Tables db) {
        this.db = db;
        this.rows = db.map();
    }

    @Override
    public void add(String tokenHash, Instant createdAt) {
        db.run(() -> {
            if (rows.get(tokenHash) == null) {
                rows.put(tokenHash, new Row(tokenHash, createdAt));
            }
        });
    }

    @Override
    public boolean exists(String tokenHash) {
        return db.read(() -> rows.get(tokenHash) != null);
    }

    @Override
    public boolean use(String tokenHash) {
        return db.write(() -> {
            if (rows.get(tokenHash) == null) {
                return false;
            }
            rows.remove(tokenHash);
            return true;
        });
    }

    @Override
    public int removeAll() {
        return db.write(() -> {
            List<Row> all = List.copyOf(rows.values());
            all.forEach(r -> rows.remove(r.tokenHash()));
            return all.size();
        });
    }
}
