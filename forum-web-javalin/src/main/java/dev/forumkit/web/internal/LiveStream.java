package dev.forumkit.web.internal;

import io.javalin.http.sse.SseClient;

/**
 * One open event stream: who watches (the viewer as resolved when it connected) and what: a thread's new posts, a
 * board's new threads, or only the member's alert count (which member streams carry too). Written to only on the
 * hub's thread.
 */
final class LiveStream {
    enum Kind { THREAD, BOARD, ALERTS }

    final Viewer viewer;
    final Kind kind;
    /** The thread's or board's id; 0 for {@link Kind#ALERTS}. */
    final long target;
    final long openedNanos;
    SseClient client;
    long lastEventNanos;
    long alertsSent = -1;

    LiveStream(Viewer viewer, Kind kind, long target, long now) {
        this.viewer = viewer;
        this.kind = kind;
        this.target = target;
        this.openedNanos = now;
        this.lastEventNanos = now;
    }

    boolean member() {
        return !viewer.isGuest() && viewer.member() != null;
    }

    /** The key of "sees the same": all guests see alike, each member as themself. */
    Object audience() {
        return member() ? viewer.member().id() : "guest";
    }
}
