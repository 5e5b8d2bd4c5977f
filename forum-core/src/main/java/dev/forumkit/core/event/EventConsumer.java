package dev.forumkit.core.event;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A durable consumer of the outbox: a name (its stored position and lease are kept under it, so it must stay the
 * same across restarts and nodes), where its effects live, and its handler; optionally a {@link BatchPlanner} that
 * handles a whole batch in steps (in-storage consumers with large writes), and the name of a consumer it
 * {@linkplain #following follows} (it handles no event that consumer has not handled yet), and how long it
 * {@linkplain #gathering gathers} events after a small batch.
 *
 * <pre>{@code
 * forum.outbox().register(EventConsumer.inStorage("alerts", d -> alerts.fanOut(d.event())));
 * forum.outbox().register(EventConsumer.withOutsideEffects("mail", d -> mailer.send(d.idempotencyKey(), ...)));
 * }</pre>
 */
public record EventConsumer(String name, Effects effects, EventHandler handler, BatchPlanner planner, String follows,
                            Predicate<ForumEvent> recordAfter, Runnable beforeRecording, Duration gathering,
                            Duration recordingEvery, BatchHandler batchHandler) {
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
         * handled, and at once after the events named by {@link #recordingAfter}. A crash delivers the events handled
         * since the last record again, with the same {@link EventDelivery#idempotencyKey()}.
         */
        OUTSIDE
    }

    public EventConsumer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(effects, "effects");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(recordAfter, "recordAfter");
        Objects.requireNonNull(beforeRecording, "beforeRecording");
        Objects.requireNonNull(gathering, "gathering");
        if (gathering.isNegative()) {
            throw new IllegalArgumentException("gathering must not be negative: " + gathering);
        }
        Objects.requireNonNull(recordingEvery, "recordingEvery");
        if (recordingEvery.isNegative()) {
            throw new IllegalArgumentException("recordingEvery must not be negative: " + recordingEvery);
        }
        if (!recordingEvery.isZero() && effects != Effects.OUTSIDE) {
            throw new IllegalArgumentException("only a consumer with outside effects records its position less often");
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a consumer name is 1-100 characters of a-z, 0-9, '.', '_' or '-': " + name);
        }
        if (planner != null && effects != Effects.IN_STORAGE) {
            throw new IllegalArgumentException("only a consumer with effects in the storage handles batches in steps");
        }
        if (batchHandler != null && planner != null) {
            throw new IllegalArgumentException("a consumer plans its batches or handles them, not both");
        }
        if (name.equals(follows)) {
            throw new IllegalArgumentException("a consumer cannot follow itself: " + name);
        }
    }

    /** A consumer handling one event at a time; see {@link #inStorage} and {@link #withOutsideEffects}. */
    public EventConsumer(String name, Effects effects, EventHandler handler) {
        this(name, effects, handler, null, null, e -> false, () -> { }, Duration.ZERO, Duration.ZERO, null);
    }

    public static EventConsumer inStorage(String name, EventHandler handler) {
        return new EventConsumer(name, Effects.IN_STORAGE, handler);
    }

    public static EventConsumer withOutsideEffects(String name, EventHandler handler) {
        return new EventConsumer(name, Effects.OUTSIDE, handler);
    }

    /**
     * An in-storage consumer that plans each batch with reads and writes it in steps, each in a transaction of its
     * own (the position moves with the last); after each plan and step of a {@linkplain BatchPlan#large() large}
     * batch it leaves the database to the requests for a while (see docs/outbox.md, "Pacing").
     */
    public static EventConsumer inStorageInSteps(String name, BatchPlanner planner) {
        Objects.requireNonNull(planner, "planner");
        return new EventConsumer(name, Effects.IN_STORAGE, d -> planner.plan(java.util.List.of(d)).steps().forEach(Runnable::run),
                planner, null, e -> false, () -> { }, Duration.ZERO, Duration.ZERO, null);
    }

    /**
     * This consumer, handling only events that {@code consumer} has handled already: the mail consumer follows the
     * alerts consumer, whose alerts it e-mails.
     */
    public EventConsumer following(String consumer) {
        Objects.requireNonNull(consumer, "consumer");
        return new EventConsumer(name, effects, handler, planner, consumer, recordAfter, beforeRecording, gathering,
                recordingEvery, batchHandler);
    }

    /**
     * For a consumer with outside effects: the events after which its position is recorded at once, before the next
     * event is handled, so that a crash redelivers none of them once handled (only one caught between its effect and
     * that record). For effects that must not happen twice and have no record of their own, such as a password reset
     * e-mail; one commit each, so only for events that are rare.
     */
    public EventConsumer recordingAfter(Predicate<ForumEvent> events) {
        return new EventConsumer(name, effects, handler, planner, follows, events, beforeRecording, gathering,
                recordingEvery, batchHandler);
    }

    /**
     * This consumer, taking its events at most once per {@code interval} while they come in batches smaller than its
     * limit: after such a batch the outbox's thread leaves it alone for {@code interval}, so the events of that time
     * share the next batch (the search index: one index commit and one position write a second instead of one per
     * reply). A backlog (a full batch) is worked through without pauses, and {@code Outbox.drain()} does not wait.
     * Its effects lag the writes by up to {@code interval} more.
     */
    public EventConsumer gathering(Duration interval) {
        return new EventConsumer(name, effects, handler, planner, follows, recordAfter, beforeRecording, interval,
                recordingEvery, batchHandler);
    }

    /**
     * For a consumer with outside effects: makes its effects durable ({@code beforeRecording}) and records its position
     * at most once per {@code interval} (and when its batch fails, on {@code Outbox.drain()} and when the outbox
     * closes), handling the events in between from the position it reached in memory. The search index: a durable
     * Lucene commit (a flushed segment, its fsyncs and later merges) and an H2 commit per interval instead of per batch;
     * its writes are searchable at once all the same. A crash or a lost lease delivers the events since the last
     * record again (as any outside consumer's), so the handler must be idempotent.
     */
    public EventConsumer recordingEvery(Duration interval) {
        return new EventConsumer(name, effects, handler, planner, follows, recordAfter, beforeRecording, gathering,
                interval, batchHandler);
    }

    /**
     * An {@link Effects#OUTSIDE} consumer whose effects are buffered (a search index's uncommitted writes):
     * {@code beforeRecording} makes them durable and runs before each time its position is recorded, so a crash can
     * only deliver events again, never skip one whose effect was lost.
     */
    public static EventConsumer withOutsideEffects(String name, EventHandler handler, Runnable beforeRecording) {
        return new EventConsumer(name, Effects.OUTSIDE, handler, null, null, e -> false, beforeRecording, Duration.ZERO,
                Duration.ZERO, null);
    }

    /**
     * A consumer with outside effects whose handler is made per batch ({@link BatchHandler}): what its events need is
     * read once per batch, not once per event (the notification e-mails: the alerts of the whole batch in one read).
     * Positions are recorded as for {@link #withOutsideEffects(String, EventHandler)}.
     */
    public static EventConsumer withOutsideEffectsPerBatch(String name, BatchHandler handler) {
        return withOutsideEffectsPerBatch(name, handler, () -> { });
    }

    /** The same, with effects made durable by {@code beforeRecording} (see {@link #withOutsideEffects(String, EventHandler, Runnable)}). */
    public static EventConsumer withOutsideEffectsPerBatch(String name, BatchHandler handler, Runnable beforeRecording) {
        Objects.requireNonNull(handler, "handler");
        return new EventConsumer(name, Effects.OUTSIDE, d -> handler.forBatch(java.util.List.of(d)).handle(d), null, null,
                e -> false, beforeRecording, Duration.ZERO, Duration.ZERO, handler);
    }

    /**
     * An in-storage consumer whose handler is made per batch ({@link BatchHandler}), inside the batch's transaction:
     * what its events need is read once per batch (the webhooks: their list once, not once per event).
     */
    public static EventConsumer inStoragePerBatch(String name, BatchHandler handler) {
        Objects.requireNonNull(handler, "handler");
        return new EventConsumer(name, Effects.IN_STORAGE, d -> handler.forBatch(java.util.List.of(d)).handle(d), null,
                null, e -> false, () -> { }, Duration.ZERO, Duration.ZERO, handler);
    }

    /** The handler for a batch: made by the {@link BatchHandler} if there is one, else the one-event handler. */
    EventHandler handlerFor(java.util.List<EventDelivery> batch) {
        return batchHandler == null ? handler : batchHandler.forBatch(batch);
    }
}
