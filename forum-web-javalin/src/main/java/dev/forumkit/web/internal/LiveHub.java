package dev.forumkit.web.internal;

import dev.forumkit.core.Forum;
import dev.forumkit.core.ForumException;
import dev.forumkit.core.event.ForumEvent;
import io.javalin.http.sse.SseClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * This node's open event streams and what feeds them. Every node's outbox delivers every committed event to its
 * in-process listeners (woken through the signal bus), so a stream on any node hears a reply posted on any other. For
 * each event the hub asks core, as each audience (all guests alike, each member as themself), whether it may see the
 * post or thread, exactly as the pages ask; a stream only ever gets ids, never content, and the page's script fetches
 * the post through the ordinary, permission-checked page. Alert counts are recounted for connected members a few
 * times after events (the alerts consumer writes alerts shortly after the event, on some node) and every minute.
 * One thread does all the writing, so a stream is never written by two threads at once.
 */
public final class LiveHub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveHub.class);
    private static final long TICK_MILLIS = 1_000;
    /** After an event, alert counts are looked at for this long (every other tick): the alerts consumer lags a little. */
    private static final long ALERT_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(6);
    private static final long ALERT_SWEEP_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Forum forum;
    private final PluginSettings.Live settings;
    private final Set<LiveStream> streams = ConcurrentHashMap.newKeySet();
    private final AtomicInteger reserved = new AtomicInteger();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong shed = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final ScheduledThreadPoolExecutor thread;
    private volatile BooleanSupplier busy = () -> false;
    private volatile boolean closed;
    private long alertsUntil;
    private long lastSweep = System.nanoTime();
    private long ticks;

    public LiveHub(Forum forum, PluginSettings.Live settings) {
        this.forum = forum;
        this.settings = settings;
        this.thread = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "forumkit-live");
            t.setDaemon(true);
            return t;
        });
        if (settings.on()) {
            forum.subscribe(this::heard);
            thread.scheduleWithFixedDelay(() -> guarded(this::tick), TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
            long beat = settings.heartbeat().toMillis();
            thread.scheduleWithFixedDelay(() -> guarded(this::heartbeat), beat, beat, TimeUnit.MILLISECONDS);
        }
    }

    /** What tells the hub the node is busy (admission control has requests waiting): it then sheds streams. */
    public void shedWhen(BooleanSupplier value) {
        this.busy = value;
    }

    /** Streams open on this node now. */
    public int open() {
        return streams.size();
    }

    /** Streams refused (full, busy or off), closed to shed load, and events written, since the start. */
    public long refused() {
        return refused.get();
    }

    public long shed() {
        return shed.get();
    }

    public long sent() {
        return sent.get();
    }

    /** Takes a place for a new stream; false (counted as refused) when off, closed, full or the node is busy. */
    boolean reserve() {
        if (!settings.on() || closed || busy.getAsBoolean()) {
            refused.incrementAndGet();
            return false;
        }
        while (true) {
            int n = reserved.get();
            if (n >= settings.maxConnections()) {
                refused.incrementAndGet();
                return false;
            }
            if (reserved.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    void release() {
        reserved.decrementAndGet();
    }

    /** Called by Javalin's SSE handler with the open connection. */
    void attach(SseClient client, LiveStream stream) {
        stream.client = client;
        client.keepAlive();
        client.onClose(() -> {
            if (streams.remove(stream)) {
                release();
            }
        });
        streams.add(stream);
        if (closed) {
            client.close();
            return;
        }
        run(() -> {
            write(stream, () -> stream.client.sendComment("open"));
            if (stream.member()) {
                alerts(List.of(stream));
            }
        });
    }

    private void heard(ForumEvent event) {
        if (streams.isEmpty()) {
            return; // the outbox thread pays nothing for a node without streams
        }
        run(() -> deliver(event));
    }

    /** A periodic task that throws would never run again: log and go on. */
    private static void guarded(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.warn("live update failed", e);
        }
    }

    private void run(Runnable work) {
        try {
            thread.execute(() -> guarded(work));
        } catch (RejectedExecutionException stopped) {
            // closing: nothing more is sent
        }
    }

    private void deliver(ForumEvent event) {
        alertsUntil = System.nanoTime() + ALERT_WINDOW_NANOS;
        if (event instanceof ForumEvent.PostCreated p) {
            fanOut(LiveStream.Kind.THREAD, p.thread().value(), viewer -> forum.reading().locate(viewer.lastingActor(), p.post()),
                    (s, where) -> send(s, "reply", "{\"thread_id\":" + p.thread().value() + ",\"post_id\":" + p.post().value()
                            + ",\"number\":" + where.number() + ",\"page\":" + where.page() + "}", Integer.toString(where.number())));
        } else if (event instanceof ForumEvent.ThreadStarted t) {
            fanOut(LiveStream.Kind.BOARD, t.board().value(), viewer -> forum.reading().thread(viewer.lastingActor(), t.thread()),
                    (s, seen) -> send(s, "thread", "{\"board_id\":" + t.board().value() + ",\"thread_id\":" + t.thread().value()
                            + "}", null));
        }
    }

    private interface Check<T> {
        T as(Viewer viewer);
    }

    private interface Send<T> {
        void to(LiveStream stream, T seen);
    }

    /** Checks once per audience whether it may see the thing, then sends to that audience's streams. */
    private <T> void fanOut(LiveStream.Kind kind, long target, Check<T> check, Send<T> send) {
        Map<Object, Optional<T>> seen = new HashMap<>();
        for (LiveStream s : streams) {
            if (s.kind != kind || s.target != target) {
                continue;
            }
            Optional<T> answer = seen.computeIfAbsent(s.audience(), a -> {
                try {
                    return Optional.of(check.as(s.viewer));
                } catch (ForumException notForThem) {
                    return Optional.empty(); // not found or not allowed: this audience hears nothing of it
                }
            });
            answer.ifPresent(a -> send.to(s, a));
        }
    }

    private void send(LiveStream s, String name, String data, String id) {
        if (write(s, () -> s.client.sendEvent(name, data, id == null ? "" : id))) {
            s.lastEventNanos = System.nanoTime();
            sent.incrementAndGet();
        }
    }

    /** Writes, and drops the stream if the client has gone; answers whether it is still open. */
    private boolean write(LiveStream s, Runnable w) {
        if (s.client.terminated()) {
            return false;
        }
        w.run();
        if (s.client.terminated()) {
            s.client.close(); // runs the close callback: the place is given back
            return false;
        }
        return true;
    }

    private void tick() {
        long now = System.nanoTime();
        ticks++;
        if (busy.getAsBoolean() && !streams.isEmpty()) {
            List<LiveStream> oldest = new ArrayList<>(streams);
            oldest.sort(Comparator.comparingLong(s -> s.openedNanos));
            int n = Math.max(1, oldest.size() / 4);
            for (LiveStream s : oldest.subList(0, n)) {
                s.client.close();
                shed.incrementAndGet();
            }
            LOG.warn("busy: closed {} live update streams ({} left)", n, streams.size());
        }
        if ((now < alertsUntil && ticks % 2 == 0) || now - lastSweep > ALERT_SWEEP_NANOS) {
            lastSweep = now;
            alerts(streams.stream().filter(LiveStream::member).toList());
        }
    }

    /** Sends each member's unread alert count to their streams where it changed: one count per member. */
    private void alerts(List<LiveStream> of) {
        Map<Object, Long> counts = new HashMap<>();
        for (LiveStream s : of) {
            Long n = counts.computeIfAbsent(s.audience(), a -> {
                try {
                    return forum.alerts().unreadCount(s.viewer.lastingActor());
                } catch (RuntimeException e) {
                    return null; // a storage hiccup: the next pass tries again
                }
            });
            if (n != null && n != s.alertsSent) {
                s.alertsSent = n;
                send(s, "alerts", "{\"unread\":" + n + "}", null);
            }
        }
    }

    private void heartbeat() {
        long now = System.nanoTime();
        long idle = settings.idleTimeout().toNanos();
        for (LiveStream s : streams) {
            if (now - s.lastEventNanos >= idle) {
                s.client.close();
            } else {
                write(s, () -> s.client.sendComment("ping"));
            }
        }
    }

    /** Closes every stream (the server is stopping: a stream must not hold up the graceful stop) and the thread. */
    @Override
    public void close() {
        closed = true;
        for (LiveStream s : streams) {
            s.client.close();
        }
        thread.shutdownNow();
    }
}
