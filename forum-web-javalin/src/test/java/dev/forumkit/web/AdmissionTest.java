package dev.forumkit.web;

import dev.forumkit.web.internal.Admission;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The admission rule alone, step by step: slots, a bounded queue, refusal beyond it; no clocks involved. */
class AdmissionTest {

    @Test
    void lets_in_up_to_the_limit_then_refuses_when_nobody_may_wait() {
        Admission a = new Admission(2, 0, Duration.ofMinutes(1));
        assertThat(a.enter()).isTrue();
        assertThat(a.enter()).isTrue();
        assertThat(a.inFlight()).isEqualTo(2);
        assertThat(a.enter()).as("full, and the queue has no room").isFalse();
        a.leave();
        assertThat(a.enter()).as("a slot came back").isTrue();
    }

    @Test
    void a_waiting_request_gets_the_next_free_slot_and_the_queue_is_bounded() throws Exception {
        Admission a = new Admission(1, 1, Duration.ofMinutes(10));
        assertThat(a.enter()).isTrue();
        CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(a::enter);
        while (a.waiting() == 0) {
            Thread.onSpinWait(); // until the waiter is queued
        }
        assertThat(a.enter()).as("the one queue place is taken: refused at once").isFalse();
        assertThat(waiter).isNotDone();
        a.leave();
        assertThat(waiter.get()).as("the waiter got the slot").isTrue();
        assertThat(a.waiting()).isZero();
        assertThat(a.inFlight()).isEqualTo(1);
        a.leave();
        assertThat(a.inFlight()).isZero();
    }

    @Test
    void with_no_wait_allowed_a_full_server_refuses_without_queueing() {
        Admission a = new Admission(1, 100, Duration.ZERO);
        assertThat(a.enter()).isTrue();
        assertThat(a.enter()).isFalse();
        assertThat(a.waiting()).isZero();
    }

    @Test
    void an_interrupted_waiter_is_refused_and_leaves_the_queue() throws Exception {
        Admission a = new Admission(1, 1, Duration.ofMinutes(10));
        assertThat(a.enter()).isTrue();
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        Thread t = new Thread(() -> result.complete(a.enter()));
        t.start();
        while (a.waiting() == 0) {
            Thread.onSpinWait();
        }
        t.interrupt();
        assertThat(result.get()).isFalse();
        t.join();
        assertThat(a.waiting()).isZero();
        assertThat(a.inFlight()).isEqualTo(1);
    }

    @Test
    void rejects_nonsense_settings() {
        assertThatThrownBy(() -> new Admission(0, 1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ForumPluginConfig().admission(a -> a.maxConcurrentRequests(1).maxQueuedRequests(-1).queueTimeout(Duration.ZERO)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
