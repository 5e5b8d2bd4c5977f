package dev.forumkit.testkit.contract;

import dev.forumkit.core.ConflictException;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.reset.PasswordReset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code PasswordResets} port: reset links keyed by token hash, used at most once. */
public abstract class PasswordResetsPortContract extends ContractBase {
    private Member alice;
    private Member bob;

    @BeforeEach
    void rows() {
        PortRows rows = new PortRows(storage);
        alice = rows.member("alice", clock.instant());
        bob = rows.member("bob", clock.instant());
    }

    private PasswordReset reset(int n, Member m, long position) {
        PasswordReset r = PasswordReset.issued(hash(n), m.id(), position, clock.instant(), clock.instant().plus(Duration.ofHours(1)));
        txRun(() -> storage.passwordResets().add(r));
        return r;
    }

    private static String hash(int n) {
        return String.format("%064x", n);
    }

    @Test
    void addedResetsAreFoundByTokenHashWithEveryField() {
        PasswordReset r = reset(1, alice, 7);

        assertThat(read(() -> storage.passwordResets().byTokenHash(hash(1)))).contains(r);
        assertThat(read(() -> storage.passwordResets().byTokenHash(hash(2)))).isEmpty();
    }

    @Test
    void aClashingTokenHashIsAConflictAndKeepsTheFirst() {
        reset(1, alice, 1);
        assertThatThrownBy(() -> reset(1, bob, 2)).isInstanceOf(ConflictException.class);
        assertThat(read(() -> storage.passwordResets().byTokenHash(hash(1))).orElseThrow().member()).isEqualTo(alice.id());
    }

    @Test
    void aResetIsUsedOnceAndRemembersWhen() {
        reset(1, alice, 1);
        Instant now = clock.advance(Duration.ofMinutes(5));

        assertThat(tx(() -> storage.passwordResets().use(hash(1), now))).isTrue();
        assertThat(tx(() -> storage.passwordResets().use(hash(1), now))).isFalse();
        assertThat(tx(() -> storage.passwordResets().use(hash(9), now))).isFalse();
        assertThat(read(() -> storage.passwordResets().byTokenHash(hash(1))).orElseThrow().usedAt()).isEqualTo(now);
    }

    @Test
    void anExpiredResetCannotBeUsed() {
        reset(1, alice, 1);
        Instant atExpiry = clock.advance(Duration.ofHours(1));

        assertThat(tx(() -> storage.passwordResets().use(hash(1), atExpiry))).isFalse();
        assertThat(read(() -> storage.passwordResets().byTokenHash(hash(1))).orElseThrow().usedAt()).isNull();
    }

    @Test
    void useAllOfUsesOnlyThatMembersOpenResets() {
        reset(1, alice, 1);
        reset(2, alice, 2);
        reset(3, bob, 3);
        Instant first = clock.advance(Duration.ofMinutes(1));
        txRun(() -> storage.passwordResets().use(hash(1), first));
        Instant later = clock.advance(Duration.ofMinutes(1));

        assertThat(tx(() -> storage.passwordResets().useAllOf(alice.id(), later))).isEqualTo(1);

        assertThat(read(() -> storage.passwordResets().byTokenHash(hash(1))).orElseThrow().usedAt()).isEqualTo(first);
        assertThat(read(() -> storage.passwordResets().byTokenHash(hash(2))).orElseThrow().usedAt()).isEqualTo(later);
        assertThat(read(() -> storage.passwordResets().byTokenHash(hash(3))).orElseThrow().usedAt()).isNull();
    }

    @Test
    void removeExpiredDeletesOnlyExpiredResets() {
        reset(1, alice, 1);
        clock.advance(Duration.ofMinutes(30));
        reset(2, bob, 2);
        Instant now = clock.advance(Duration.ofMinutes(30)); // the first expires exactly now

        assertThat(tx(() -> storage.passwordResets().removeExpired(now))).isEqualTo(1);
        assertThat(read(() -> storage.passwordResets().byTokenHash(hash(1)))).isEmpty();
        assertThat(read(() -> storage.passwordResets().byTokenHash(hash(2)))).isPresent();
    }

    @Test
    void concurrentUsesOfOneTokenLetExactlyOneThrough() {
        reset(1, alice, 1);
        Instant now = clock.advance(Duration.ofMinutes(1));

        List<Boolean> results = Concurrently.run(4, i -> tx(() -> storage.passwordResets().use(hash(1), now)));

        assertThat(results).containsOnlyOnce(true);
        assertThat(read(() -> storage.passwordResets().byTokenHash(hash(1))).orElseThrow().usedAt()).isEqualTo(now);
    }
}
