package dev.forumkit.testkit.contract;

import dev.forumkit.core.ConflictException;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.verify.EmailVerification;
import dev.forumkit.core.verify.EmailVerification.Purpose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code EmailVerifications} port: verification links keyed by token hash, used at most once. */
public abstract class EmailVerificationsPortContract extends ContractBase {
    private Member alice;
    private Member bob;

    @BeforeEach
    void rows() {
        PortRows rows = new PortRows(storage);
        alice = rows.member("alice", clock.instant());
        bob = rows.member("bob", clock.instant());
    }

    private EmailVerification link(int n, Member m, Purpose purpose, long position) {
        EmailVerification l = EmailVerification.issued(hash(n), m.id(), "new" + n + "@example.org", purpose, position,
                clock.instant(), clock.instant().plus(Duration.ofHours(24)));
        txRun(() -> storage.emailVerifications().add(l));
        return l;
    }

    private static String hash(int n) {
        return String.format("%064x", n);
    }

    private Instant usedAt(int n) {
        return read(() -> storage.emailVerifications().byTokenHash(hash(n))).orElseThrow().usedAt();
    }

    @Test
    void addedLinksAreFoundByTokenHashWithEveryField() {
        EmailVerification confirm = link(1, alice, Purpose.CONFIRM_ADDRESS, 7);
        EmailVerification change = link(2, bob, Purpose.CHANGE_ADDRESS, 8);

        assertThat(read(() -> storage.emailVerifications().byTokenHash(hash(1)))).contains(confirm);
        assertThat(read(() -> storage.emailVerifications().byTokenHash(hash(2)))).contains(change);
        assertThat(read(() -> storage.emailVerifications().byTokenHash(hash(3)))).isEmpty();
    }

    @Test
    void aClashingTokenHashIsAConflictAndKeepsTheFirst() {
        link(1, alice, Purpose.CONFIRM_ADDRESS, 1);
        assertThatThrownBy(() -> link(1, bob, Purpose.CHANGE_ADDRESS, 2)).isInstanceOf(ConflictException.class);
        assertThat(read(() -> storage.emailVerifications().byTokenHash(hash(1))).orElseThrow().member()).isEqualTo(alice.id());
    }

    @Test
    void aLinkIsUsedOnceAndRemembersWhen() {
        link(1, alice, Purpose.CONFIRM_ADDRESS, 1);
        Instant now = clock.advance(Duration.ofMinutes(5));

        assertThat(tx(() -> storage.emailVerifications().use(hash(1), now))).isTrue();
        assertThat(tx(() -> storage.emailVerifications().use(hash(1), now))).isFalse();
        assertThat(tx(() -> storage.emailVerifications().use(hash(9), now))).isFalse();
        assertThat(usedAt(1)).isEqualTo(now);
    }

    @Test
    void anExpiredLinkCannotBeUsed() {
        link(1, alice, Purpose.CHANGE_ADDRESS, 1);
        Instant atExpiry = clock.advance(Duration.ofHours(24));

        assertThat(tx(() -> storage.emailVerifications().use(hash(1), atExpiry))).isFalse();
        assertThat(usedAt(1)).isNull();
    }

    @Test
    void supersedeClosesOnlyOlderOpenLinksOfThatMemberAndPurpose() {
        link(1, alice, Purpose.CONFIRM_ADDRESS, 1);
        link(2, alice, Purpose.CONFIRM_ADDRESS, 5); // a redelivery of request 5 keeps this one
        link(3, alice, Purpose.CHANGE_ADDRESS, 2);
        link(4, bob, Purpose.CONFIRM_ADDRESS, 3);
        Instant first = clock.advance(Duration.ofMinutes(1));
        txRun(() -> storage.emailVerifications().use(hash(1), first));
        link(5, alice, Purpose.CONFIRM_ADDRESS, 4);
        Instant later = clock.advance(Duration.ofMinutes(1));

        assertThat(tx(() -> storage.emailVerifications().supersede(alice.id(), Purpose.CONFIRM_ADDRESS, 5, later))).isEqualTo(1);

        assertThat(usedAt(1)).isEqualTo(first);
        assertThat(usedAt(2)).isNull();
        assertThat(usedAt(3)).isNull();
        assertThat(usedAt(4)).isNull();
        assertThat(usedAt(5)).isEqualTo(later);
    }

    @Test
    void useAllOfClosesEveryOpenLinkOfThatMemberOnly() {
        link(1, alice, Purpose.CONFIRM_ADDRESS, 1);
        link(2, alice, Purpose.CHANGE_ADDRESS, 2);
        link(3, bob, Purpose.CHANGE_ADDRESS, 3);
        Instant now = clock.advance(Duration.ofMinutes(1));

        assertThat(tx(() -> storage.emailVerifications().useAllOf(alice.id(), now))).isEqualTo(2);

        assertThat(usedAt(1)).isEqualTo(now);
        assertThat(usedAt(2)).isEqualTo(now);
        assertThat(usedAt(3)).isNull();
    }

    @Test
    void removeExpiredDeletesOnlyExpiredLinks() {
        link(1, alice, Purpose.CONFIRM_ADDRESS, 1);
        clock.advance(Duration.ofHours(12));
        link(2, bob, Purpose.CHANGE_ADDRESS, 2);
        Instant now = clock.advance(Duration.ofHours(12)); // the first expires exactly now

        assertThat(tx(() -> storage.emailVerifications().removeExpired(now))).isEqualTo(1);
        assertThat(read(() -> storage.emailVerifications().byTokenHash(hash(1)))).isEmpty();
        assertThat(read(() -> storage.emailVerifications().byTokenHash(hash(2)))).isPresent();
    }

    @Test
    void concurrentUsesOfOneTokenLetExactlyOneThrough() {
        link(1, alice, Purpose.CHANGE_ADDRESS, 1);
        Instant now = clock.advance(Duration.ofMinutes(1));

        List<Boolean> results = Concurrently.run(4, i -> tx(() -> storage.emailVerifications().use(hash(1), now)));

        assertThat(results).containsOnlyOnce(true);
        assertThat(usedAt(1)).isEqualTo(now);
    }
}
