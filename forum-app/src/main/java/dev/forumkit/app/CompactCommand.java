package dev.forumkit.app;

import dev.forumkit.persistence.jdbi.ConnectionPools;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * {@code forumkit compact}: with the server stopped, rewrites the embedded H2 file without the space that old
 * versions of its pages take. The server opens H2 with {@code REUSE_SPACE=FALSE} (see {@link ConnectionPools}), so
 * the file grows with every write while it runs; this gives the space back. Exit 0 when done, 1 when the database
 * is in use or cannot be opened, 2 on a usage error or with PostgreSQL (use its own VACUUM there).
 */
final class CompactCommand {
    static final String USAGE = """
            compact    with the server stopped: rewrite the embedded H2 file and give back the space of old page versions""";

    private CompactCommand() {
    }

    static int run(List<String> args, Settings settings, PrintStream out) {
        if (!args.isEmpty()) {
            System.err.println("compact: takes no options; usage: " + USAGE);
            return 2;
        }
        if (settings.jdbcUrl() != null) {
            System.err.println("compact: only for the embedded H2 database; PostgreSQL reclaims space with VACUUM");
            return 2;
        }
        Path file = settings.dataDir().resolve("forum.mv.db");
        if (!Files.exists(file)) {
            System.err.println("compact: no database at " + file);
            return 1;
        }
        long started = System.nanoTime();
        long before = size(file);
        // the plain file URL: no pool, and H2 refuses when a running server holds the file lock
        String url = "jdbc:h2:file:" + settings.dataDir().toAbsolutePath().normalize().resolve("forum") + ";IFEXISTS=TRUE";
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            System.err.println("compact: cannot open " + file + " (is the server still running?): " + e.getMessage());
            return 1;
        }
        long after = size(file);
        out.printf(Locale.ROOT, "compact: %s from %,d to %,d bytes in %.1f s%n", file, before, after,
                (System.nanoTime() - started) / 1e9);
        return 0;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
