package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Role;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Migration V8: members who joined before e-mail verification existed count as verified, so nobody is locked out. */
class EmailVerifiedMigrationTest {
    @Test
    void membersFromBeforeV8AreVerifiedAndNewOnesAreNot() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:v8-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/common").target("7").load().migrate();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO members (username, username_key, email, password_hash, joined_at, role)"
                    + " VALUES ('Old', 'old', 'old@example.org', 'hash', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00', 'MEMBER')");
        }

        JdbiForumStorage storage = JdbiForumStorage.create(ds); // migrates to the latest version
        try {
            Member old = storage.transactions().readOnly(() -> storage.members().byUsername("old")).orElseThrow();
            assertThat(old.emailVerified()).isTrue();
            Member joined = storage.transactions().inTransaction(() -> storage.members().add(
                    Member.withoutId("new", "new@example.org", "hash", Instant.parse("2026-01-01T00:00:00Z"), Role.MEMBER)));
            assertThat(storage.transactions().readOnly(() -> storage.members().byId(joined.id())).orElseThrow().emailVerified())
                    .isFalse();
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO members (username, username_key, email, password_hash, joined_at, role)"
                        + " VALUES ('Raw', 'raw', 'raw@example.org', 'hash', TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00', 'MEMBER')");
            }
            assertThat(storage.transactions().readOnly(() -> storage.members().byUsername("raw")).orElseThrow().emailVerified())
                    .as("a row that does not name the column starts unverified").isFalse();
        } finally {
            storage.close();
        }
    }
}
