package dev.forumkit.core.webhook;

import java.time.Duration;
import java.util.Objects;

/**
 * How webhooks deliver. {@code allowPrivateAddresses}: may URLs reach loopback, link-local, private and multicast
 * addresses (off by default: SSRF)? A failed attempt is retried after {@code retryBase}, doubling up to
 * {@code retryMax}, until {@code retryWindow} after the event (then the delivery is given up). {@code disableAfter}
 * failed attempts in a row disable the webhook. {@code pollInterval}: how often due deliveries are looked for
 * ({@code ZERO}, or a forum without an outbox thread: no thread; call
 * {@code forum.webhooks().deliverDue()}).
 */
public record WebhookSettings(boolean allowPrivateAddresses, Duration retryBase, Duration retryMax, Duration retryWindow,
                              int disableAfter, Duration pollInterval, Duration connectTimeout, Duration readTimeout) {
    public static final WebhookSettings DEFAULTS = new WebhookSettings(false, Duration.ofSeconds(10), Duration.ofHours(2),
            Duration.ofDays(1), 20, Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(5));

    public WebhookSettings {
        Objects.requireNonNull(retryBase, "retryBase");
        Objects.requireNonNull(retryMax, "retryMax");
        Objects.requireNonNull(retryWindow, "retryWindow");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (retryBase.isNegative() || retryBase.isZero() || retryMax.compareTo(retryBase) < 0 || retryWindow.isNegative()
                || pollInterval.isNegative() || connectTimeout.isNegative() || connectTimeout.isZero()
                || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("webhook durations must be positive, retryMax at least retryBase");
        }
        if (disableAfter < 1) {
            throw new IllegalArgumentException("disableAfter must be at least 1");
        }
    }

    public WebhookSettings allowingPrivateAddresses(boolean allow) {
        return new WebhookSettings(allow, retryBase, retryMax, retryWindow, disableAfter, pollInterval, connectTimeout,
                readTimeout);
    }

    public WebhookSettings withDisableAfter(int attempts) {
        return new WebhookSettings(allowPrivateAddresses, retryBase, retryMax, retryWindow, attempts, pollInterval,
                connectTimeout, readTimeout);
    }

    public WebhookSettings withPollInterval(Duration interval) {
        return new WebhookSettings(allowPrivateAddresses, retryBase, retryMax, retryWindow, disableAfter, interval,
                connectTimeout, readTimeout);
    }

    /** The wait before attempt {@code attempts + 1}, after {@code attempts} failed ones. */
    public Duration backoff(int attempts) {
        Duration d = retryBase;
        for (int i = 1; i < attempts && d.compareTo(retryMax) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(retryMax) > 0 ? retryMax : d;
    }
}
