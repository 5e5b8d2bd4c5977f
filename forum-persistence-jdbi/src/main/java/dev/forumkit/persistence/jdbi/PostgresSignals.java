package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.internal.SignalDeliveries;
import dev.forumkit.core.signal.Signal;
import dev.forumkit.core.signal.SignalListener;
import dev.forumkit.core.signal.Signals;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The bus on PostgreSQL {@code LISTEN/NOTIFY}: one connection of its own listens (a pooled connection would be handed
 * to requests and miss notifications), another sends. The channel is named after the schema, so forums in other
 * schemas of one database never hear each other. A lost listening connection is reported to the listeners at once
 * ({@link SignalListener#missed()}), reopened with backoff (100 ms doubling to 5 s) and reported again once it listens,
 * since PostgreSQL keeps no notifications for a session that was not listening.
 */
final class PostgresSignals implements Signals {
    private static final Logger LOG = Logger.getLogger(PostgresSignals.class.getName());
    private static final int POLL_MILLIS = 250;
    private static final long CHECK_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    /** Opens a connection outside any pool (the caller closes it). */
    @FunctionalInterface
    interface Connector {
        Connection open() throws SQLException;
    }

    private final Connector connector;
    private final List<SignalListener> listeners = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Signal> outgoing = new ArrayBlockingQueue<>(10_000);
    private final Thread listenThread;
    private final Thread sendThread;
    private volatile boolean running = true;
    private volatile boolean live;
    private volatile String channel; // known once the first connection told the schema
    private volatile Connection listening;

    PostgresSignals(Connector connector) {
        this.connector = connector;
        this.listenThread = new Thread(this::listenLoop, "forumkit-signals-listen");
        this.sendThread = new Thread(this::sendLoop, "forumkit-signals-send");
        listenThread.setDaemon(true);
        sendThread.setDaemon(true);
        listenThread.start();
        sendThread.start();
    }

    @Override
    public void publish(Signal signal) {
        if (running && !outgoing.offer(signal)) {
            // only when the database has been unreachable for a long while: every listener is told missed() anyway
            LOG.fine(() -> "signal queue full; dropped " + signal);
        }
    }

    @Override
    public AutoCloseable listen(SignalListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public boolean live() {
        return live;
    }

    /** Waits until the bus listens (tests and start-up); answers whether it does within the time. */
    boolean awaitLive(long millis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!live && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        return live;
    }

    private void listenLoop() {
        long backoff = 100;
        boolean listenedBefore = false;
        long lastCheck = System.nanoTime();
        while (running) {
            try {
                if (listening == null) {
                    Connection c = connector.open();
                    c.setAutoCommit(true);
                    listening = c;
                    try (Statement s = c.createStatement()) {
                        s.execute("LISTEN " + quoted(channelOf(c)));
                    }
                    live = true;
                    backoff = 100;
                    if (listenedBefore) {
                        LOG.info("signal bus listens again; caches drop what they held meanwhile");
                        SignalDeliveries.missed(listeners, LOG);
                    }
                    listenedBefore = true;
                }
                PGNotification[] got = listening.unwrap(PGConnection.class).getNotifications(POLL_MILLIS);
                if (got != null) {
                    for (PGNotification n : got) {
                        deliver(n.getParameter());
                    }
                }
                if (System.nanoTime() - lastCheck > CHECK_EVERY_NANOS) {
                    lastCheck = System.nanoTime();
                    try (Statement s = listening.createStatement()) {
                        s.execute("SELECT 1"); // a dead server or a cut network shows here when nothing arrives
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    break;
                }
                if (live) {
                    live = false;
                    LOG.log(Level.WARNING, "signal bus lost its connection; reconnecting: {0}", e.toString());
                    SignalDeliveries.missed(listeners, LOG);
                }
                closeQuietly(listening);
                listening = null;
                if (!sleep(backoff)) {
                    break;
                }
                backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
            }
        }
        live = false;
        closeQuietly(listening);
    }

    private void deliver(String wire) {
        Signal signal;
        try {
            signal = Signal.decode(wire);
        } catch (IllegalArgumentException e) {
            LOG.log(Level.FINE, "ignoring a notification that is no signal: {0}", wire);
            return;
        }
        SignalDeliveries.deliver(listeners, signal, LOG);
    }

    private void sendLoop() {
        Connection sending = null;
        long backoff = 100;
        while (running) {
            List<Signal> batch = new ArrayList<>();
            try {
                Signal first = outgoing.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                outgoing.drainTo(batch);
            } catch (InterruptedException e) {
                break;
            }
            try {
                if (sending == null) {
                    sending = connector.open();
                    sending.setAutoCommit(true);
                }
                String ch = channelOf(sending);
                // a burst of commits sends each distinct signal once
                try (PreparedStatement p = sending.prepareStatement("SELECT pg_notify(?, ?)")) {
                    for (Signal s : new LinkedHashSet<>(batch)) {
                        p.setString(1, ch);
                        p.setString(2, s.encode());
                        p.execute();
                    }
                }
                backoff = 100;
            } catch (SQLException | RuntimeException e) {
                // lost: the other nodes poll the outbox every second anyway, and their own bus reports the outage
                LOG.log(Level.FINE, "could not send " + batch.size() + " signals", e);
                closeQuietly(sending);
                sending = null;
                if (!sleep(backoff)) {
                    break;
                }
                backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
            }
        }
        closeQuietly(sending);
    }

    private String channelOf(Connection c) throws SQLException {
        String known = channel;
        if (known != null) {
            return known;
        }
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT current_schema()")) {
            r.next();
            String schema = String.valueOf(r.getString(1)).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
            String name = "forumkit_" + schema;
            channel = name.length() > 63 ? name.substring(0, 63) : name;
            return channel;
        }
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return running;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.log(Level.FINE, "closing a signal bus connection failed", e);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        listenThread.interrupt();
        sendThread.interrupt();
        try {
            listenThread.join(2_000);
            sendThread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
