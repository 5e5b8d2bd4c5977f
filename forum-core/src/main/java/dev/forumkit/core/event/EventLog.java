package dev.forumkit.core.event;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The event outbox port: domain events stored in the same transaction as their change, each at a position, and the
 * stored positions and leases of the durable consumers. Positions start at 1, have no gaps, and become visible in
 * commit order: once a reader sees position {@code p}, every position below {@code p} is visible too (or pruned).
 * Port calls outside a transaction run in one of their own.
 *
 * <p>A storage may number events after their transaction committed (the PostgreSQL adapter does, so that writers
 * do not commit one after the other): then {@link #after} and {@link #head} see an event once it is numbered, which
 * the adapter does right after the commit and {@link #numberCommitted} does for what a stopped node left behind.
 */
public interface EventLog {
    /**
     * Appends the events after every other, in the current write transaction (required), and answers the position of
     * the last one, or 0 where events are numbered after commit. Where they are numbered in the transaction it holds
     * the position counter until the transaction ends, which is what orders committers.
     */
    long append(List<EncodedEvent> events, Instant createdAt);

    /**
     * Numbers the committed events still without a position (a storage that numbers after commit, see above); answers
     * how many. The outbox runner calls it before each round, so the events of a node that stopped between a commit
     * and their numbering are delivered too. Storages that number inside the transaction have nothing to do.
     */
    default int numberCommitted() {
        return 0;
    }

    /** The position of the last committed event; 0 before the first. Pruning does not lower it. */
    long head();

    /** Up to {@code limit} committed events after {@code position}, in position order. */
    List<StoredEvent> after(long position, int limit);

    /** A durable consumer's stored state. */
    Optional<ConsumerState> consumer(String name);

    /** Every durable consumer known to the storage, by name (also those run by other nodes). */
    List<ConsumerState> consumers();

    /** Adds a consumer at {@code position} unless it exists; answers whether it added it. */
    boolean register(String name, long position);

    /**
     * Takes or renews the consumer's lease for {@code owner} until {@code until} if nobody else holds it at
     * {@code now}; answers whether {@code owner} holds it.
     */
    boolean claim(String name, String owner, Instant now, Instant until);

    /**
     * Moves the consumer from {@code from} to {@code to} if it is still at {@code from} and {@code owner} holds its
     * lease; answers whether it moved. A false answer means another node took over: roll back what was done.
     */
    boolean advance(String name, String owner, long from, long to);

    /** Gives the lease up (a node stopping), if {@code owner} holds it. */
    void release(String name, String owner);

    /** Deletes the events created before {@code before} at positions up to {@code upTo}; answers how many. */
    int prune(Instant before, long upTo);
}
