package dev.forumkit.app;

import dev.forumkit.persistence.jdbi.ConnectionPools;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** SQL on the H2 file of a stopped (or killed) server, opened as the app itself opens it: what the crash tests recount. */
final class H2File {
    private final Path data;

    H2File(Path data) {
        this.data = data;
    }

    interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    void query(String sql, Row row) throws SQLException {
        try (Connection c = DriverManager.getConnection(ConnectionPools.embeddedH2Url(data), "sa", "");
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                row.read(rs);
            }
        }
    }

    void update(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(ConnectionPools.embeddedH2Url(data), "sa", "");
             Statement st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }

    List<Long> numbers(String sql) throws SQLException {
        List<Long> out = new ArrayList<>();
        query(sql, rs -> out.add(rs.getLong(1)));
        return out;
    }

    List<String> strings(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        query(sql, rs -> out.add(rs.getString(1)));
        return out;
    }

    long number(String sql) throws SQLException {
        List<Long> one = numbers(sql);
        assertThat(one).as(sql).hasSize(1);
        return one.get(0);
    }
}
