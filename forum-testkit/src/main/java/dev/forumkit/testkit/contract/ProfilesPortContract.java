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
    void withMembersReadsTheMembersAsByIdsAndTheProfilesAsByMembersDo() {
        Member carol = new PortRows(storage).member("carol", clock.instant());
        txRun(() -> storage.profiles().put(full(alice)));
        Instant seen = clock.instant().plus(Duration.ofMinutes(7));
        txRun(() -> storage.profiles().touchLastSeen(carol.id(), seen));
        var ids = List.of(alice.id(), bob.id(), carol.id(), dev.forumkit.core.member.MemberId.of(carol.id().value() + 1000));

        var both = read(() -> storage.profiles().withMembers(ids));

        assertThat(both.members()).isEqualTo(read(() -> storage.members().byIds(ids)));
        assertThat(both.members()).containsOnlyKeys(alice.id(), bob.id(), carol.id());
        assertThat(both.profiles()).isEqualTo(read(() -> storage.profiles().byMembers(ids)));
        assertThat(both.profiles()).containsOnlyKeys(alice.id(), carol.id());
        assertThat(both.profiles().get(alice.id())).isEqualTo(full(alice));
        assertThat(both.profiles().get(carol.id())).isEqualTo(Profile.empty(carol.id()).withLastSeenAt(seen));
        assertThat(read(() -> storage.profiles().withMembers(List.of())).members()).isEmpty();
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

    private static dev.forumkit.core.profile.Avatar avatar(Member m, long version) {
        return new dev.forumkit.core.profile.Avatar(m.id(), dev.forumkit.core.blob.BlobKey.random(),
                dev.forumkit.core.blob.BlobKey.random(), version % 2 == 0 ? "png" : "jpeg", version);
    }

    @Test
    void anAvatarIsStoredReplacedAndRemoved() {
        assertThat(read(() -> storage.profiles().avatarOf(alice.id()))).isEmpty();
        var first = avatar(alice, 1);
        txRun(() -> storage.profiles().putAvatar(first));
        assertThat(read(() -> storage.profiles().avatarOf(alice.id()))).contains(first);
        assertThat(read(() -> storage.profiles().avatarRefersTo(first.large()))).isTrue();
        assertThat(read(() -> storage.profiles().avatarRefersTo(first.small()))).isTrue();

        var second = avatar(alice, 1_765_000_000_000L);
        txRun(() -> storage.profiles().putAvatar(second));
        assertThat(read(() -> storage.profiles().avatarOf(alice.id()))).contains(second);
        assertThat(read(() -> storage.profiles().avatarRefersTo(first.large()))).isFalse();
        assertThat(read(() -> storage.profiles().avatars())).containsExactly(second);

        assertThat(tx(() -> storage.profiles().removeAvatar(alice.id()))).isTrue();
        assertThat(tx(() -> storage.profiles().removeAvatar(alice.id()))).isFalse();
        assertThat(read(() -> storage.profiles().avatarOf(alice.id()))).isEmpty();
        assertThat(read(() -> storage.profiles().avatarRefersTo(second.small()))).isFalse();
    }

    @Test
    void avatarsListsEveryMembersAvatarAndErasingRemovesOnlyThatMembers() {
        var a = avatar(alice, 7);
        var b = avatar(bob, 8);
        txRun(() -> storage.profiles().putAvatar(a));
        txRun(() -> storage.profiles().putAvatar(b));
        assertThat(read(() -> storage.profiles().avatars())).containsExactlyInAnyOrder(a, b);

        txRun(() -> storage.profiles().erasePersonalData(alice.id()));

        assertThat(read(() -> storage.profiles().avatarOf(alice.id()))).isEmpty();
        assertThat(read(() -> storage.profiles().avatars())).containsExactly(b);
    }
}
