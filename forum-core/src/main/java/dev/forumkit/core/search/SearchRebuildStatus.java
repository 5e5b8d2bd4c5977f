package dev.forumkit.core.search;

import java.time.Instant;
import java.util.Objects;

/**
 * Where the online rebuild of the search index stands: never run since start, running (posts written of the total),
 * done (the new index is live) or failed (the old index stays live; {@code error} says why).
 */
public record SearchRebuildStatus(State state, Instant startedAt, Instant finishedAt, long total, long written,
                                  String error) {
    /** What the rebuild is doing. */
    public enum State {
        NONE, RUNNING, DONE, FAILED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public SearchRebuildStatus {
        Objects.requireNonNull(state, "state");
    }

    static SearchRebuildStatus none() {
        return new SearchRebuildStatus(State.NONE, null, null, 0, 0, null);
    }

    static SearchRebuildStatus started(Instant at) {
        return new SearchRebuildStatus(State.RUNNING, at, null, 0, 0, null);
    }

    SearchRebuildStatus withTotal(long value) {
        return new SearchRebuildStatus(state, startedAt, finishedAt, value, written, error);
    }

    SearchRebuildStatus withWritten(long value) {
        return new SearchRebuildStatus(state, startedAt, finishedAt, total, value, error);
    }

    SearchRebuildStatus done(Instant at) {
        return new SearchRebuildStatus(State.DONE, startedAt, at, total, written, null);
    }

    SearchRebuildStatus failed(Instant at, String why) {
        return new SearchRebuildStatus(State.FAILED, startedAt, at, total, written, why);
    }

    public boolean running() {
        return state == State.RUNNING;
    }
}
