package dev.forumkit.web;

import dev.forumkit.web.internal.PluginSettings;

import java.time.Duration;
import java.util.Objects;

/**
 * The pool that hashes passwords for sign-in, registration and password changes. Hashing is slow by design; a small
 * pool with a short queue keeps a flood of sign-ins from starving page reads.
 */
public final class PasswordsConfig {
    private final ForumPluginConfig owner;
    private int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    private int queue = 32;
    private Duration queueTimeout = Duration.ofSeconds(3);

    PasswordsConfig(ForumPluginConfig owner) {
        this.owner = owner;
    }

    /** Threads that hash passwords (default half the cores, at least one). */
    public PasswordsConfig threads(int value) {
        owner.checkOpen();
        if (value < 1) {
            throw new IllegalArgumentException("need at least one hashing thread");
        }
        this.threads = value;
        return this;
    }

    /** How many sign-ins may wait for a hashing thread (default 32); beyond that the answer is 503 at once. */
    public PasswordsConfig queue(int value) {
        owner.checkOpen();
        if (value < 1) {
            throw new IllegalArgumentException("need at least one queue slot");
        }
        this.queue = value;
        return this;
    }

    /**
     * How long a sign-in may wait in that queue (default 3 s): one that waited longer gets 503 instead of a hash, so
     * a flood of sign-ins is answered within seconds rather than after the whole queue has been hashed.
     */
    public PasswordsConfig queueTimeout(Duration value) {
        owner.checkOpen();
        if (Objects.requireNonNull(value, "queueTimeout").isNegative()) {
            throw new IllegalArgumentException("the password queue timeout must not be negative");
        }
        this.queueTimeout = value;
        return this;
    }

    PluginSettings.Passwords freeze() {
        return new PluginSettings.Passwords(threads, queue, queueTimeout);
    }
}
