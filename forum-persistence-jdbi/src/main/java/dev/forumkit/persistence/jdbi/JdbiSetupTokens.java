package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.member.SetupTokens;

import java.time.Instant;

final class JdbiSetupTokens implements SetupTokens {
    private final JdbiTransactions db;

    JdbiSetupTokens(JdbiTransactions db) {
        this.db = db;
    }

    @Override
    public void add(String tokenHash, Instant createdAt) {
        // insert-if-absent in one statement on both databases: a repeated hash is no conflict
        db.use(h -> h.createUpdate("INSERT INTO setup_tokens (token_hash, created_at) SELECT :hash, :created"
                        + " WHERE NOT EXISTS (SELECT 1 FROM setup_tokens WHERE token_hash = :hash)")
                .bind("hash", tokenHash).bind("created", Rows.ts(createdAt)).execute());
    }

    @Override
    public boolean exists(String tokenHash) {
        return db.with(h -> h.createQuery("SELECT COUNT(*) FROM setup_tokens WHERE token_hash = :hash")
                .bind("hash", tokenHash).mapTo(Integer.class).one()) > 0;
    }

    @Override
    public boolean use(String tokenHash) {
        // one delete: the row lock makes the second of two concurrent uses find nothing to delete
        return db.with(h -> h.createUpdate("DELETE FROM setup_tokens WHERE token_hash = :hash")
                .bind("hash", tokenHash).execute()) > 0;
    }

    @Override
    public int removeAll() {
        return db.with(h -> h.createUpdate("DELETE FROM setup_tokens").execute());
    }
}
