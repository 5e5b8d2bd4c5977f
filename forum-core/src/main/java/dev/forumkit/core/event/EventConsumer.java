package dev.forumkit.core.event;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A durable consumer of the outbox: a name (its stored position and lease are kept under it, so it must stay the
 * same across restarts and nodes), where its effects live, and its handler.
 *
 * <pre>{@code
 * forum.outbox().register(EventConsumer.inStorage("alerts", d -> alerts.fanOut(d.event())));
 * forum.outbox().register(EventConsumer.withOutsideEffects("mail", d -> mailer.send(d.idempotencyKey(), ...)));
 * }</pre>
 */
public record EventConsumer(String name, Effects effects, EventHandler handler, Runnable beforeRecording) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    /** Where a consumer's effects live, which decides how its position is recorded. */
    public enum Effects {
        /**
         * Only in the forum's storage, through its ports or services: a batch is handled and the position advanced in
         * one transaction, so every event takes effect exactly once.
         */
        IN_STORAGE,
        /**
         * Outside the storage (e-mail, webhooks): each event is handled outside any transaction; the position is
         * recorded after each batch, before a failure is passed on, and at least every second while a batch is
         * handled. A crash delivers the events handled since again, with the same {@link Delivery#idempotencyKey()}.
         */
        OUTSIDE
    }

    public EventConsumer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(effects, "effects");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(beforeRecording, "beforeRecording");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a consumer name is 1-100 characters of a-z, 0-9, '.', '_' or '-': " + name);
        }
    }

    /** A consumer with nothing to do before its position is recorded. */
    public EventConsumer(String name, Effects effects, EventHandler handler) {
        this(name, effects, handler, () -> { });
    }

    public static EventConsumer inStorage(String name, EventHandler handler) {
        return new EventConsumer(name, Effects.IN_STORAGE, handler);
    }

    public static EventConsumer withOutsideEffects(String name, EventHandler handler) {
        return new EventConsumer(name, Effects.OUTSIDE, handler);
    }

    /**
     * An {@link Effects#OUTSIDE} consumer whose effects are buffered (a search index's uncommitted writes):
     * {@code beforeRecording} makes them durable and runs before each time its position is recorded, so a crash can
     * only deliver events again, never skip one whose effect was lost.
     */
    public static EventConsumer withOutsideEffects(String name, EventHandler handler, Runnable beforeRecording) {
        return new EventConsumer(name, Effects.OUTSIDE, handler, beforeRecording);
    }
}
