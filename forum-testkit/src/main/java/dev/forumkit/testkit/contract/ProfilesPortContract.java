package dev.forumkit.testkit.contract;

import dev.forumkit.core.member.Member;
import dev.forumkit.core.profile.DateStyle;
import dev.forumkit.core.profile.Profile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code Profiles} port: one row per member, last-seen times written apart from the settings. */
public abstract class ProfilesPortContract extends ContractBase {
    private Member alice;
    private Member bob;

    @BeforeEach
    void rows() {
        PortRows rows = new PortRows(storage);
        alice = rows.member("alice", clock.instant());
        bob = rows.member("bob", clock.instant());
    }

    private Profile full(Member m) {
        return new Profile(m.id(), "About me, with ünïcödé and a 😀", "Lyon", "https://example.org/me", "**sig**",
                "<p><strong>sig</strong></p>", "Europe/Paris", DateStyle.DAY_MONTH_YEAR, true, true, null, "ja");
    }

    @Test
    void aProfileIsStoredWholeAndReadBack() {
        assertThat(read(() -> storage.profiles().byMember(alice.id()))).isEmpty();
        txRun(() -> storage.profiles().put(full(alice)));

        assertThat(read(() -> storage.profiles().byMember(alice.id()))).contains(full(alice));
        assertThat(read(() -> storage.profiles().byMember(bob.id()))).isEmpty();
    }

    @Test
    void putReplacesTheSettingsButKeepsLastSeen() {
        Instant seen = clock.instant().plus(Duration.ofMinutes(3));
        txRun(() -> storage.profiles().touchLastSeen(alice.id(), seen));
        assertThat(read(() -> storage.profiles().byMember(alice.id())).orElseThrow())
                .isEqualTo(Profile.empty(alice.id()).withLastSeenAt(seen));

        txRun(() -> storage.profiles().put(full(alice).withLastSeenAt(Instant.EPOCH)));
        txRun(() -> storage.profiles().put(Profile.empty(alice.id())));

        assertThat(read(() -> storage.profiles().byMember(alice.id())).orElseThrow())
                .isEqualTo(Profile.empty(alice.id()).withLastSeenAt(seen));
    }

    @Test
    void touchingLastSeenLeavesTheSettingsAlone() {
        txRun(() -> storage.profiles().put(full(alice)));
        Instant seen = clock.instant().plus(Duration.ofHours(2));
        txRun(() -> storage.profiles().touchLastSeen(alice.id(), seen));

        assertThat(read(() -> storage.profiles().byMember(alice.id())).orElseThrow()).isEqualTo(full(alice).withLastSeenAt(seen));
    }

    @Test
    void byMembersAnswersOnlyThoseWithARow() {
        txRun(() -> storage.profiles().put(full(alice)));

        var found = read(() -> storage.profiles().byMembers(List.of(alice.id(), bob.id())));
        assertThat(found).containsOnlyKeys(alice.id());
        assertThat(found.get(alice.id())).isEqualTo(full(alice));
    }

    @Test
    void erasingRemovesTheProfileAndSessionsOfThatMemberOnly() {
        txRun(() -> storage.profiles().put(full(alice)));
        txRun(() -> storage.profiles().put(full(bob)));
        txRun(() -> storage.sessions().add(new dev.forumkit.core.session.Session(String.format("%064x", 1), alice.id(),
                clock.instant(), clock.instant().plus(Duration.ofDays(1)))));
        txRun(() -> storage.sessions().add(new dev.forumkit.core.session.Session(String.format("%064x", 2), bob.id(),
                clock.instant(), clock.instant().plus(Duration.ofDays(1)))));

        txRun(() -> storage.profiles().erasePersonalData(alice.id()));

        assertThat(read(() -> storage.profiles().byMember(alice.id()))).isEmpty();
        assertThat(read(() -> storage.sessions().allOf(alice.id()))).isEmpty();
        assertThat(read(() -> storage.profiles().byMember(bob.id()))).contains(full(bob));
        assertThat(read(() -> storage.sessions().allOf(bob.id()))).hasSize(1);
    }
}
