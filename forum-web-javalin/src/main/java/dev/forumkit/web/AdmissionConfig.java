package dev.forumkit.web;

import dev.forumkit.web.internal.PluginSettings;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Admission control for the forum's paths (everything under the base path): at most {@code maxConcurrentRequests}
 * are worked on at once (default 64), up to {@code maxQueuedRequests} more wait for a slot (default 128), each for
 * at most {@code queueTimeout} (default 1 s); the rest get 503 with {@code Retry-After} at once, as JSON or, for
 * pages, HTML. An overloaded server so keeps a bounded queue and a bounded latency instead of falling over.
 */
public final class AdmissionConfig {
    private final ForumPluginConfig owner;
    private boolean on = true;
    private int maxConcurrentRequests = 64;
    private int maxQueuedRequests = 128;
    private Duration queueTimeout = Duration.ofSeconds(1);
    private final Set<String> exempt = new LinkedHashSet<>();

    AdmissionConfig(ForumPluginConfig owner) {
        this.owner = owner;
    }

    /** Requests worked on at once (at least 1). */
    public AdmissionConfig maxConcurrentRequests(int value) {
        owner.checkOpen();
        if (value < 1) {
            throw new IllegalArgumentException("admission needs at least one concurrent request (off() turns it off)");
        }
        this.maxConcurrentRequests = value;
        return this;
    }

    /** Requests that may wait for a free slot (0 or more). */
    public AdmissionConfig maxQueuedRequests(int value) {
        owner.checkOpen();
        if (value < 0) {
            throw new IllegalArgumentException("the admission queue must hold 0 or more requests");
        }
        this.maxQueuedRequests = value;
        return this;
    }

    /** How long a request waits for a slot before it gets 503 (0 or more). */
    public AdmissionConfig queueTimeout(Duration value) {
        owner.checkOpen();
        if (Objects.requireNonNull(value, "queueTimeout").isNegative()) {
            throw new IllegalArgumentException("the admission queue timeout must not be negative");
        }
        this.queueTimeout = value;
        return this;
    }

    /** A path (e.g. {@code /health}) that admission control lets through even when the forum is full. */
    public AdmissionConfig exempt(String path) {
        owner.checkOpen();
        this.exempt.add(Objects.requireNonNull(path, "path"));
        return this;
    }

    /** No admission control: every request is worked on, however many arrive (the host limits them, or nobody). */
    public AdmissionConfig off() {
        owner.checkOpen();
        this.on = false;
        return this;
    }

    PluginSettings.Admission freeze() {
        return new PluginSettings.Admission(on, maxConcurrentRequests, maxQueuedRequests, queueTimeout, exempt);
    }
}
