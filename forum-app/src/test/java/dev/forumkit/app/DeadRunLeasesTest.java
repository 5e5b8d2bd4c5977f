package dev.forumkit.app;

import dev.forumkit.core.event.ConsumerState;
import dev.forumkit.core.memory.InMemoryForumStorage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DeadRunLeasesTest {
    @Test
    void every_held_lease_is_released_and_positions_stay() {
        InMemoryForumStorage storage = new InMemoryForumStorage();
        Instant now = Instant.parse("2026-12-06T10:00:00Z");
        storage.transactions().run(() -> {
            storage.eventLog().register("alerts", 0);
            storage.eventLog().register("mail", 0);
            storage.eventLog().register("idle", 0);
            storage.eventLog().claim("alerts", "node-dead", now, now.plus(Duration.ofSeconds(30)));
            storage.eventLog().claim("mail", "node-dead", now, now.plus(Duration.ofSeconds(30)));
        });

        assertThat(DeadRunLeases.release(storage)).containsExactlyInAnyOrder("alerts", "mail");

        storage.transactions().readOnly(() -> storage.eventLog().consumers()).forEach(c -> {
            assertThat(c.leaseOwner()).as(c.name()).isNull();
            assertThat(c.position()).isZero();
        });
        assertThat(storage.transactions().inTransaction(() -> storage.eventLog().claim("alerts", "node-new", now,
                now.plus(Duration.ofSeconds(30))))).as("a new run takes the lease at once").isTrue();
        assertThat(DeadRunLeases.release(storage)).containsExactly("alerts");
        assertThat(DeadRunLeases.release(storage)).isEmpty();
        assertThat(storage.transactions().readOnly(() -> storage.eventLog().consumer("alerts")).map(ConsumerState::leaseOwner))
                .as("released: no owner").isEmpty();
    }
}
