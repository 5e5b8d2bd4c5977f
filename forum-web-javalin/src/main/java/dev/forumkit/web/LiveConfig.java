package dev.forumkit.web;

import dev.forumkit.web.internal.PluginSettings;

import java.time.Duration;
import java.util.Objects;

/**
 * Live updates over Server-Sent Events (thread, board and alert-count streams under the API prefix): at most
 * {@code maxConnections} open streams on this node (default 1,000; beyond that 503), a heartbeat comment every
 * {@code heartbeat} (default 20 s; it also finds clients that went away), and a stream that carried no event for
 * {@code idleTimeout} (default 30 minutes) is closed (the page's script opens a new one if the page is still shown).
 * A stream holds no admission slot, but while admission control has requests waiting, new streams get 503 and open
 * ones are closed a quarter at a time: a busy node sheds live updates before page views.
 */
public final class LiveConfig {
    private final ForumPluginConfig owner;
    private boolean on = true;
    private int maxConnections = 1_000;
    private Duration heartbeat = Duration.ofSeconds(20);
    private Duration idleTimeout = Duration.ofMinutes(30);

    LiveConfig(ForumPluginConfig owner) {
        this.owner = owner;
    }

    /** Open streams on this node at most (at least 1; {@link #off()} serves none). */
    public LiveConfig maxConnections(int value) {
        owner.checkOpen();
        if (value < 1) {
            throw new IllegalArgumentException("live updates need at least one connection (off() turns them off)");
        }
        this.maxConnections = value;
        return this;
    }

    /** How often an idle stream gets a comment line (at least 100 ms). */
    public LiveConfig heartbeat(Duration value) {
        owner.checkOpen();
        if (Objects.requireNonNull(value, "heartbeat").toMillis() < 100) {
            throw new IllegalArgumentException("the live heartbeat must be at least 100 ms");
        }
        this.heartbeat = value;
        return this;
    }

    /** How long a stream may go without an event before it is closed (at least the heartbeat). */
    public LiveConfig idleTimeout(Duration value) {
        owner.checkOpen();
        if (Objects.requireNonNull(value, "idleTimeout").toMillis() < 100) {
            throw new IllegalArgumentException("the live idle timeout must be at least 100 ms");
        }
        this.idleTimeout = value;
        return this;
    }

    /** No live updates: the stream routes answer 503 and pages work as without JavaScript. */
    public LiveConfig off() {
        owner.checkOpen();
        this.on = false;
        return this;
    }

    PluginSettings.Live freeze() {
        return new PluginSettings.Live(on, maxConnections, heartbeat, idleTimeout.compareTo(heartbeat) < 0 ? heartbeat : idleTimeout);
    }
}
