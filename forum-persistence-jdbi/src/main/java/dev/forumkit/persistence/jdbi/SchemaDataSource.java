package dev.forumkit.persistence.jdbi;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * A host's DataSource whose connections are in the forum's schema while the forum holds them: the schema is set when
 * a connection is taken and the previous one put back when it is closed, so the host's pool gets its connections
 * back as it lent them (not every pool resets the schema by itself). A connection already in the schema is passed
 * through untouched; otherwise this costs a round trip each way per connection the forum takes.
 */
final class SchemaDataSource implements DataSource {
    private final DataSource host;
    private final String schema;

    SchemaDataSource(DataSource host, String schema) {
        this.host = host;
        this.schema = schema;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return inSchema(host.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return inSchema(host.getConnection(username, password));
    }

    private Connection inSchema(Connection c) throws SQLException {
        String before;
        try {
            before = c.getSchema();
            if (schema.equals(before)) {
                return c;
            }
            c.setSchema(schema);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        try {
                            if (!c.isClosed()) {
                                c.setSchema(before);
                            }
                        } finally {
                            c.close();
                        }
                        return null;
                    }
                    try {
                        return method.invoke(c, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return host.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        host.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        host.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return host.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws java.sql.SQLFeatureNotSupportedException {
        return host.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return host.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return host.isWrapperFor(type);
    }
}
