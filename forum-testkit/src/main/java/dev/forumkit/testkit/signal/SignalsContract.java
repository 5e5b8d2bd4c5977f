package dev.forumkit.testkit.signal;

import dev.forumkit.core.signal.Signal;
import dev.forumkit.core.signal.SignalListener;
import dev.forumkit.core.signal.Signals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link Signals} bus must do. A subclass answers {@link #node()}: the bus of one more node of the same
 * forum (an in-process bus answers the same instance each time, as all "nodes" share one process). The bus's promise
 * is "within about a second"; the tests allow five, for a loaded machine.
 */
public abstract class SignalsContract {
    protected static final Duration PATIENCE = Duration.ofSeconds(5);
    private final List<Signals> opened = new ArrayList<>();

    /** The bus of another node of the same forum, listening (or about to) when answered. */
    protected abstract Signals newNode();

    /** Waits until the node's bus listens, for buses that connect in the background; in-process ones always do. */
    protected void awaitListening(Signals node) throws Exception {
    }

    protected final Signals node() throws Exception {
        Signals s = newNode();
        if (!opened.contains(s)) {
            opened.add(s);
        }
        awaitListening(s);
        return s;
    }

    @AfterEach
    final void closeNodes() {
        opened.forEach(Signals::close);
    }

    /** Collects what a node hears. */
    protected static final class Heard implements SignalListener {
        public Heard() {
        }

        final BlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
        final AtomicInteger losses = new AtomicInteger();

        @Override
        public void on(Signal signal) {
            signals.add(signal);
        }

        @Override
        public void missed() {
            losses.incrementAndGet();
        }

        public Signal next() throws InterruptedException {
            return signals.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        }

        public int losses() {
            return losses.get();
        }

        /** The signals that came within {@code millis}, after the ones taken. */
        public List<Signal> within(long millis) throws InterruptedException {
            Thread.sleep(millis);
            List<Signal> all = new ArrayList<>();
            signals.drainTo(all);
            return all;
        }
    }

    @Test
    void aSignalFromOneNodeReachesEveryNodeIncludingItself() throws Exception {
        Signals a = node();
        Signals b = node();
        Heard onA = new Heard();
        Heard onB = new Heard();
        a.listen(onA);
        b.listen(onB);

        a.publish(new Signal("outbox", "42"));

        assertThat(onB.next()).isEqualTo(new Signal("outbox", "42"));
        assertThat(onA.next()).isEqualTo(new Signal("outbox", "42"));
        assertThat(a.live()).isTrue();
        assertThat(b.live()).isTrue();
    }

    @Test
    void signalsFromOnePublisherArriveInOrder() throws Exception {
        Signals a = node();
        Signals b = node();
        Heard onB = new Heard();
        b.listen(onB);

        for (int i = 1; i <= 50; i++) {
            a.publish(new Signal("outbox", Integer.toString(i)));
        }

        List<String> bodies = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            Signal s = onB.next();
            assertThat(s).as("signal %d", i).isNotNull();
            bodies.add(s.body());
        }
        assertThat(bodies).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 50).mapToObj(Integer::toString).toList());
        assertThat(onB.losses()).isZero();
    }

    @Test
    void aListenerThatThrowsStopsNoOther() throws Exception {
        Signals a = node();
        Signals b = node();
        List<Signal> failing = new CopyOnWriteArrayList<>();
        b.listen(s -> {
            failing.add(s);
            throw new IllegalStateException("listener bug");
        });
        Heard onB = new Heard();
        b.listen(onB);

        a.publish(new Signal("cache", "one"));
        a.publish(new Signal("cache", "two"));

        assertThat(onB.next()).isEqualTo(new Signal("cache", "one"));
        assertThat(onB.next()).isEqualTo(new Signal("cache", "two"));
        assertThat(failing).hasSize(2);
    }

    @Test
    void aClosedSubscriptionHearsNothingMore() throws Exception {
        Signals a = node();
        Heard gone = new Heard();
        Heard stays = new Heard();
        AutoCloseable subscription = a.listen(gone);
        a.listen(stays);
        subscription.close();

        a.publish(new Signal("outbox", "7"));

        assertThat(stays.next()).isEqualTo(new Signal("outbox", "7"));
        assertThat(gone.within(200)).isEmpty();
    }

    @Test
    void signalsAreSmallAndPlain() {
        assertThatThrownBy(() -> new Signal("Outbox", "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Signal("outbox", "x".repeat(Signal.MAX_BODY + 1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Signal("outbox", "a\nb")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Signal.decode(new Signal("outbox.v2", "a:b").encode())).isEqualTo(new Signal("outbox.v2", "a:b"));
    }
}
