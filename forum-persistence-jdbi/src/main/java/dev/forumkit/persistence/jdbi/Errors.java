package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.ConflictException;
import dev.forumkit.core.ForumException;
import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.StorageUnavailableException;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

/**
 * Turns driver and pool failures into forumkit's exceptions. Messages never carry SQL text or values: a clash
 * is named by its constraint, everything else by its SQLState.
 */
final class Errors {
    private Errors() {
    }

    /** Thrown inside a transaction when the database chose it as a deadlock victim or could not serialise it. */
    static final class Retry extends RuntimeException {
        Retry(Throwable cause) {
            super("transaction must be retried", cause, false, false);
        }
    }

    /** A database failure that is no expected outcome (a bug or a broken schema); its message names no SQL. */
    static final class Failure extends IllegalStateException {
        Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static RuntimeException translate(Throwable e) {
        if (e instanceof ForumException || e instanceof Retry || e instanceof Failure) {
            return (RuntimeException) e;
        }
        SQLException sql = find(e, SQLException.class);
        String state = sql == null ? null : state(sql);
        if (state != null && state.startsWith("23")) {
            return constraint(state, sql);
        }
        if ("40001".equals(state) || "40P01".equals(state) || "90131".equals(state)) {
            return new Retry(e); // 90131: H2's concurrent update in another transaction
        }
        if (unavailable(e, sql, state)) {
            return new StorageUnavailableException(
                    "the database is unavailable or too slow" + (state == null ? "" : " (SQLState " + state + ")"), e);
        }
        if (e instanceof RuntimeException r && sql == null) {
            return r; // not a database failure: a bug in a callback, an argument check, ...
        }
        return new Failure("database statement failed" + (state == null ? "" : " (SQLState " + state + ")"), e);
    }

    private static RuntimeException constraint(String state, SQLException sql) {
        String text = String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT);
        if ("23505".equals(state)) {
            if (text.contains("uq_members_username")) {
                return new ConflictException("that username is taken");
            }
            if (text.contains("uq_members_email")) {
                return new ConflictException("that e-mail address is already registered");
            }
            if (text.contains("uq_posts_thread_number")) {
                return new ConflictException("that post number is already taken in the thread");
            }
            if (text.contains("uq_reports_open_subject")) {
                return new ConflictException("that content already has an open report; report it again");
            }
            if (text.contains("pk_sessions") || text.contains("sessions(token_hash")) {
                return new ConflictException("session token clash");
            }
            return new ConflictException("a record with the same key already exists");
        }
        if ("23503".equals(state)) {
            if (text.contains("fk_posts_thread")) {
                return new NotFoundException("no such thread");
            }
            if (text.contains("fk_reactions_post")) {
                return new NotFoundException("no such post");
            }
            return new NotFoundException("a referenced record does not exist");
        }
        return new Failure("the database refused the values (SQLState " + state + ")", sql);
    }

    private static boolean unavailable(Throwable e, SQLException sql, String state) {
        if (find(e, SQLTransientConnectionException.class) != null || find(e, SQLNonTransientConnectionException.class) != null
                || find(e, SQLTimeoutException.class) != null || find(e, IOException.class) != null) {
            return true;
        }
        if (state == null) {
            return false;
        }
        return state.startsWith("08")     // connection exception
                || state.startsWith("57P") // PostgreSQL: admin shutdown, crash shutdown, cannot connect now
                || state.equals("53300")   // too many connections
                || state.equals("57014")   // statement timeout / cancelled
                || state.equals("55P03")   // lock not available
                || state.equals("HYT00")   // H2: lock or statement timeout
                || state.equals("90020")   // H2: database in use by another process
                || state.equals("90098")   // H2: database closed
                || state.equals("90121");  // H2: database closed on JVM shutdown
    }

    private static String state(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            if (x.getSQLState() != null) {
                return x.getSQLState();
            }
        }
        Throwable c = e.getCause();
        return c instanceof SQLException s && s != e ? state(s) : null;
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
