package dev.forumkit.testkit.contract;

import dev.forumkit.core.limit.RateLimitService;
import dev.forumkit.core.limit.RateWindow;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code RateCounters} port and the rate limit service over it: fixed windows per key, counted atomically (so
 * several nodes enforce one budget), outside any transaction of the caller's.
 */
public abstract class RateCountersContract extends ContractBase {
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private static String key(int n) {
        return String.format("%064x", n); // shaped like the service's SHA-256 keys
    }

    @Test
    void attemptsCountInAWindowThatStartsWithTheFirst() {
        Instant t0 = clock.instant();
        assertThat(storage.rateCounters().take(key(1), t0, MINUTE)).isEqualTo(new RateWindow(1, t0.plus(MINUTE)));
        assertThat(storage.rateCounters().take(key(1), t0.plusSeconds(10), MINUTE)).isEqualTo(new RateWindow(2, t0.plus(MINUTE)));
        assertThat(storage.rateCounters().take(key(2), t0.plusSeconds(10), MINUTE)).as("another key")
                .isEqualTo(new RateWindow(1, t0.plusSeconds(70)));
    }

    @Test
    void anEndedWindowStartsAgain() {
        Instant t0 = clock.instant();
        storage.rateCounters().take(key(1), t0, MINUTE);
        storage.rateCounters().take(key(1), t0, MINUTE);

        assertThat(storage.rateCounters().take(key(1), t0.plus(MINUTE), MINUTE)).isEqualTo(new RateWindow(1, t0.plus(MINUTE).plus(MINUTE)));
    }

    @Test
    void aForgottenKeyStartsAgain() {
        Instant t0 = clock.instant();
        storage.rateCounters().take(key(1), t0, MINUTE);
        storage.rateCounters().take(key(1), t0, MINUTE);
        storage.rateCounters().forget(key(1));

        assertThat(storage.rateCounters().take(key(1), t0.plusSeconds(1), MINUTE).used()).isEqualTo(1);
    }

    @Test
    void endedWindowsAreRemovedAndRunningOnesKept() {
        Instant t0 = clock.instant();
        storage.rateCounters().take(key(1), t0, MINUTE);
        storage.rateCounters().take(key(2), t0.plusSeconds(30), MINUTE);

        assertThat(storage.rateCounters().removeEnded(t0.plus(MINUTE))).isEqualTo(1);
        assertThat(storage.rateCounters().take(key(2), t0.plusSeconds(61), MINUTE).used()).isEqualTo(2);
    }

    @Test
    void anAttemptCountsEvenWhenTheCallersTransactionRollsBack() {
        Instant t0 = clock.instant();
        try {
            storage.transactions().run(() -> {
                storage.rateCounters().take(key(1), t0, MINUTE);
                throw new IllegalStateException("the guarded command fails");
            });
        } catch (IllegalStateException expected) {
            // the command failed; the attempt stays counted
        }
        assertThat(storage.rateCounters().take(key(1), t0, MINUTE).used()).isEqualTo(2);
    }

    @Test
    void concurrentAttemptsOnOneKeyAreEachCountedOnce() throws Exception {
        Instant t0 = clock.instant();
        ConcurrentLinkedQueue<Integer> seen = new ConcurrentLinkedQueue<>();
        Concurrently.run(8, i -> {
            for (int n = 0; n < 10; n++) {
                seen.add(storage.rateCounters().take(key(1), t0, MINUTE).used());
            }
            return null;
        });
        assertThat(List.copyOf(seen)).hasSize(80).doesNotHaveDuplicates();
        assertThat(storage.rateCounters().take(key(1), t0, MINUTE).used()).isEqualTo(81);
    }

    @Test
    void theServiceRefusesBeyondThePermitsUntilTheWindowEnds() {
        RateLimitService limits = forum.rateLimits();
        for (int i = 0; i < 3; i++) {
            assertThat(limits.attempt("sign-in-ip", "10.0.0.1", 3, MINUTE).allowed()).isTrue();
        }
        clock.advance(Duration.ofSeconds(20));
        RateLimitService.Attempt refused = limits.attempt("sign-in-ip", "10.0.0.1", 3, MINUTE);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(40));
        assertThat(limits.attempt("sign-in-ip", "10.0.0.2", 3, MINUTE).allowed()).as("another address").isTrue();
        assertThat(limits.attempt("registration-ip", "10.0.0.1", 3, MINUTE).allowed()).as("another limit").isTrue();

        clock.advance(Duration.ofSeconds(40));
        assertThat(limits.attempt("sign-in-ip", "10.0.0.1", 3, MINUTE).allowed()).isTrue();
        limits.attempt("sign-in-ip", "10.0.0.1", 3, MINUTE);
        limits.attempt("sign-in-ip", "10.0.0.1", 3, MINUTE);
        limits.forget("sign-in-ip", "10.0.0.1");
        assertThat(limits.attempt("sign-in-ip", "10.0.0.1", 3, MINUTE).allowed()).as("forgotten").isTrue();
    }
}
