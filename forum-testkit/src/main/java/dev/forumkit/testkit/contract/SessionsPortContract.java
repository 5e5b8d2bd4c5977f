package dev.forumkit.testkit.contract;

import dev.forumkit.core.ConflictException;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.session.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code Sessions} port: server-side sessions keyed by token hash. */
public abstract class SessionsPortContract extends ContractBase {
    private Member alice;
    private Member bob;

    @BeforeEach
    void rows() {
        PortRows rows = new PortRows(storage);
        alice = rows.member("alice", clock.instant());
        bob = rows.member("bob", clock.instant());
    }

    private Session session(String hash, Member m, Duration lifetime) {
        Session s = new Session(hash, m.id(), clock.instant(), clock.instant().plus(lifetime));
        txRun(() -> storage.sessions().add(s));
        return s;
    }

    private static String hash(int n) {
        return String.format("%064x", n); // shaped like a hex SHA-256
    }

    @Test
    void addedSessionsAreFoundByTokenHash() {
        Session s = session(hash(1), alice, Duration.ofDays(30));

        assertThat(read(() -> storage.sessions().byTokenHash(hash(1)))).contains(s);
        assertThat(read(() -> storage.sessions().byTokenHash(hash(2)))).isEmpty();
    }

    @Test
    void withMemberReadsTheSessionAndItsMemberAsStoredAtOnce() {
        Session s = session(hash(1), alice, Duration.ofDays(30));
        session(hash(2), bob, Duration.ofDays(30));
        // every column of the member comes back (a ban, a role, a title): the member is read by the same join
        Member banned = alice.withRole(dev.forumkit.core.member.Role.MODERATOR).withCustomTitle("Unswerving cyclist")
                .withBan(new dev.forumkit.core.member.Ban("spam", clock.instant(), clock.instant().plus(Duration.ofDays(3)),
                        bob.id()));
        txRun(() -> storage.members().update(banned));

        var found = read(() -> storage.sessions().withMember(hash(1))).orElseThrow();
        assertThat(found.session()).isEqualTo(s);
        assertThat(found.member()).isEqualTo(read(() -> storage.members().byId(alice.id())).orElseThrow());
        assertThat(found.member().ban()).isEqualTo(banned.ban());
        assertThat(found.member().role()).isEqualTo(dev.forumkit.core.member.Role.MODERATOR);
        assertThat(read(() -> storage.sessions().withMember(hash(2))).orElseThrow().member().id()).isEqualTo(bob.id());
        assertThat(read(() -> storage.sessions().withMember(hash(3)))).isEmpty();
    }

    @Test
    void withMemberFindsAnExpiredSessionToo() {
        // whether a session still signs in is core's rule (SessionService), not the adapter's
        Session s = session(hash(1), alice, Duration.ofMinutes(1));
        txRun(() -> storage.sessions().extend(hash(1), clock.instant().minus(Duration.ofMinutes(1))));

        assertThat(read(() -> storage.sessions().withMember(hash(1))).orElseThrow().session().expiresAt())
                .isEqualTo(clock.instant().minus(Duration.ofMinutes(1)));
        assertThat(read(() -> storage.sessions().withMember(hash(1))).orElseThrow().session().tokenHash())
                .isEqualTo(s.tokenHash());
    }

    @Test
    void withMemberSeesTheLatestTouchAndExpiry() {
        session(hash(1), alice, Duration.ofHours(1));
        Instant later = clock.instant().plus(Duration.ofMinutes(7));
        txRun(() -> storage.sessions().touch(hash(1), later));
        txRun(() -> storage.sessions().extend(hash(1), later.plus(Duration.ofDays(2))));

        var found = read(() -> storage.sessions().withMember(hash(1))).orElseThrow();
        assertThat(found.session()).isEqualTo(read(() -> storage.sessions().byTokenHash(hash(1))).orElseThrow());
        assertThat(found.session().lastUsedAt()).isEqualTo(later);
        assertThat(found.session().expiresAt()).isEqualTo(later.plus(Duration.ofDays(2)));
    }

    @Test
    void aClashingTokenHashIsAConflict() {
        session(hash(1), alice, Duration.ofDays(1));
        assertThatThrownBy(() -> session(hash(1), bob, Duration.ofDays(1))).isInstanceOf(ConflictException.class);
        assertThat(read(() -> storage.sessions().byTokenHash(hash(1))).orElseThrow().memberId()).isEqualTo(alice.id());
    }

    @Test
    void extendMovesTheExpiryOnly() {
        Session s = session(hash(1), alice, Duration.ofHours(1));
        Instant later = clock.instant().plus(Duration.ofDays(14));

        txRun(() -> storage.sessions().extend(hash(1), later));

        Session stored = read(() -> storage.sessions().byTokenHash(hash(1))).orElseThrow();
        assertThat(stored.expiresAt()).isEqualTo(later);
        assertThat(stored.createdAt()).isEqualTo(s.createdAt());
        assertThat(stored.memberId()).isEqualTo(alice.id());
    }

    @Test
    void removeEndsOneSessionAndTellsWhetherItExisted() {
        session(hash(1), alice, Duration.ofDays(1));
        session(hash(2), alice, Duration.ofDays(1));

        assertThat(tx(() -> storage.sessions().remove(hash(1)))).isTrue();
        assertThat(tx(() -> storage.sessions().remove(hash(1)))).isFalse();
        assertThat(read(() -> storage.sessions().byTokenHash(hash(1)))).isEmpty();
        assertThat(read(() -> storage.sessions().byTokenHash(hash(2)))).isPresent();
    }

    @Test
    void removeAllOfEndsEverySessionOfOneMember() {
        session(hash(1), alice, Duration.ofDays(1));
        session(hash(2), alice, Duration.ofDays(2));
        session(hash(3), bob, Duration.ofDays(1));

        assertThat(tx(() -> storage.sessions().removeAllOf(alice.id()))).isEqualTo(2);
        assertThat(tx(() -> storage.sessions().removeAllOf(alice.id()))).isZero();
        assertThat(read(() -> storage.sessions().byTokenHash(hash(1)))).isEmpty();
        assertThat(read(() -> storage.sessions().byTokenHash(hash(2)))).isEmpty();
        assertThat(read(() -> storage.sessions().byTokenHash(hash(3)))).isPresent();
    }

    @Test
    void removeExpiredDeletesOnlySessionsPastTheirExpiry() {
        session(hash(1), alice, Duration.ofMinutes(10));
        session(hash(2), bob, Duration.ofHours(2));
        session(hash(3), alice, Duration.ofDays(1));
        Instant inAnHour = clock.instant().plus(Duration.ofHours(1));

        assertThat(tx(() -> storage.sessions().removeExpired(inAnHour))).isEqualTo(1);

        assertThat(read(() -> storage.sessions().byTokenHash(hash(1)))).isEmpty();
        assertThat(read(() -> storage.sessions().byTokenHash(hash(2)))).isPresent();
        assertThat(read(() -> storage.sessions().byTokenHash(hash(3)))).isPresent();
        assertThat(tx(() -> storage.sessions().removeExpired(inAnHour))).isZero();
    }

    @Test
    void aSessionKeepsItsDeviceAndLastUse() {
        Session s = new Session(hash(1), alice.id(), clock.instant(), clock.instant().plus(Duration.ofDays(1)),
                "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0 – ünï", "2001:db8::1", clock.instant());
        txRun(() -> storage.sessions().add(s));
        Instant later = clock.instant().plus(Duration.ofMinutes(7));

        txRun(() -> storage.sessions().touch(hash(1), later));
        txRun(() -> storage.sessions().extend(hash(1), later.plus(Duration.ofDays(2))));

        Session stored = read(() -> storage.sessions().byTokenHash(hash(1))).orElseThrow();
        assertThat(stored.userAgent()).isEqualTo(s.userAgent());
        assertThat(stored.ip()).isEqualTo("2001:db8::1");
        assertThat(stored.lastUsedAt()).isEqualTo(later);
        assertThat(stored.expiresAt()).isEqualTo(later.plus(Duration.ofDays(2)));
    }

    @Test
    void allOfListsOneMembersSessionsMostRecentlyUsedFirst() {
        session(hash(1), alice, Duration.ofDays(1));
        session(hash(2), alice, Duration.ofDays(1));
        session(hash(3), bob, Duration.ofDays(1));
        txRun(() -> storage.sessions().touch(hash(1), clock.instant().plus(Duration.ofMinutes(10))));

        assertThat(read(() -> storage.sessions().allOf(alice.id())).stream().map(Session::tokenHash))
                .containsExactly(hash(1), hash(2));
        assertThat(read(() -> storage.sessions().allOf(bob.id())).stream().map(Session::tokenHash)).containsExactly(hash(3));
    }

    @Test
    void removeAllOfExceptKeepsOneSessionOfTheMember() {
        session(hash(1), alice, Duration.ofDays(1));
        session(hash(2), alice, Duration.ofDays(1));
        session(hash(3), alice, Duration.ofDays(1));
        session(hash(4), bob, Duration.ofDays(1));

        assertThat(tx(() -> storage.sessions().removeAllOfExcept(alice.id(), hash(2)))).isEqualTo(2);

        assertThat(read(() -> storage.sessions().allOf(alice.id())).stream().map(Session::tokenHash)).containsExactly(hash(2));
        assertThat(read(() -> storage.sessions().byTokenHash(hash(4)))).isPresent();
    }
}
