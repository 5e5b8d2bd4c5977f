package dev.forumkit.example.host;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The host's users, memberships and sessions in its own tables ({@code users}, {@code members}, {@code sessions}),
 * migrated by the host's own Flyway with Flyway's default history table, in the connection's default schema: the
 * setting a forum meets in a real host's database. Plain JDBC, as a host that has no Jdbi would write it.
 */
public final class JdbcHostUsers implements HostUsers {
    private final DataSource db;

    private JdbcHostUsers(DataSource db) {
        this.db = db;
    }

    /** Runs the host's migrations ({@code classpath:db/host}) and answers the users in that database. */
    public static JdbcHostUsers migrate(DataSource db) {
        Flyway.configure().dataSource(db).locations("classpath:db/host").load().migrate();
        return new JdbcHostUsers(db);
    }

    @Override
    public User add(String id, String name, String email, String password) {
        update("INSERT INTO users (id, name, email, password) VALUES (?, ?, ?, ?)", id, name, email, password);
        update("INSERT INTO members (user_id, plan) VALUES (?, 'free')", id);
        return new User(id, name, email);
    }

    @Override
    public void change(String id, String name, String email) {
        update("UPDATE users SET name = ?, email = ? WHERE id = ?", name, email, id);
    }

    @Override
    public Optional<String> signIn(String name, String password) {
        String given = password == null ? "" : password;
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id, password FROM users WHERE LOWER(name) = LOWER(?)")) {
            s.setString(1, name == null ? "" : name.strip());
            try (ResultSet r = s.executeQuery()) {
                if (!r.next() || !MessageDigest.isEqual(r.getString(2).getBytes(StandardCharsets.UTF_8),
                        given.getBytes(StandardCharsets.UTF_8))) {
                    return Optional.empty();
                }
                String token = SessionTokens.next();
                update("INSERT INTO sessions (token, user_id) VALUES (?, ?)", token, r.getString(1));
                return Optional.of(token);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("host database: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<User> bySession(String token) {
        if (token == null) {
            return Optional.empty();
        }
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT u.id, u.name, u.email FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token = ?")) {
            s.setString(1, token);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new User(r.getString(1), r.getString(2), r.getString(3))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("host database: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<User> byName(String name) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id, name, email FROM users WHERE LOWER(name) = LOWER(?)")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new User(r.getString(1), r.getString(2), r.getString(3))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("host database: " + e.getMessage(), e);
        }
    }

    @Override
    public void signOut(String token) {
        if (token != null) {
            update("DELETE FROM sessions WHERE token = ?", token);
        }
    }

    private void update(String sql, String... args) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setString(i + 1, args[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("host database: " + e.getMessage(), e);
        }
    }
}
