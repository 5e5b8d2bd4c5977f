package dev.forumkit.core.webhook;

/** Typed id of a webhook; positive, assigned by the storage. */
public record WebhookId(long value) {
    public WebhookId {
        if (value <= 0) {
            throw new IllegalArgumentException("webhook id must be positive: " + value);
        }
    }

    public static WebhookId of(long value) {
        return new WebhookId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
