package dev.forumkit.testkit.contract;

import dev.forumkit.core.ConflictException;
import dev.forumkit.core.member.Ban;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.member.Role;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code Members} port, called directly inside transactions. */
public abstract class MembersPortContract extends ContractBase {

    private Member add(String username, String email) {
        return tx(() -> storage.members().add(Member.withoutId(username, email, "hash:" + username, clock.instant(), Role.MEMBER)));
    }

    @Test
    void addAssignsAnIdAndStoresEveryField() {
        Member added = add("Alice", "Alice@Example.org");

        Member stored = read(() -> storage.members().byId(added.id())).orElseThrow();
        assertThat(stored.id().value()).isPositive();
        assertThat(stored.username()).isEqualTo("Alice");
        assertThat(stored.email()).isEqualTo("alice@example.org");
        assertThat(stored.passwordHash()).isEqualTo("hash:Alice");
        assertThat(stored.joinedAt()).isEqualTo(clock.instant());
        assertThat(stored.role()).isEqualTo(Role.MEMBER);
        assertThat(stored.customTitle()).isNull();
        assertThat(stored.ban()).isNull();
        assertThat(stored.messageCount()).isZero();
        assertThat(stored.reactionScore()).isZero();
        assertThat(stored).isEqualTo(added);
    }

    @Test
    void eachMemberGetsItsOwnId() {
        Member a = add("alice", "alice@example.org");
        Member b = add("bob", "bob@example.org");
        assertThat(a.id()).isNotEqualTo(b.id());
    }

    @Test
    void unknownIdIsEmpty() {
        Member a = add("alice", "alice@example.org");
        assertThat(read(() -> storage.members().byId(MemberId.of(a.id().value() + 1000)))).isEmpty();
    }

    @Test
    void byUsernameIgnoresCase() {
        Member a = add("Alice", "alice@example.org");
        assertThat(read(() -> storage.members().byUsername("aLICE"))).contains(a);
        assertThat(read(() -> storage.members().byUsername("alicia"))).isEmpty();
    }

    @Test
    void byUsernameIgnoresCaseBeyondAscii() {
        Member e = add("Émile", "emile@example.org");
        assertThat(read(() -> storage.members().byUsername("éMILE"))).contains(e);
        assertThatThrownBy(() -> add("ÉMILE", "other@example.org")).isInstanceOf(ConflictException.class);
    }

    @Test
    void byEmailFindsTheNormalisedAddress() {
        Member a = add("alice", "Alice@Example.ORG");
        assertThat(read(() -> storage.members().byEmail("alice@example.org"))).contains(a);
        assertThat(read(() -> storage.members().byEmail("bob@example.org"))).isEmpty();
    }

    @Test
    void aUsernameTakenInAnotherCaseIsAConflict() {
        add("alice", "alice@example.org");
        assertThatThrownBy(() -> add("ALICE", "other@example.org")).isInstanceOf(ConflictException.class);
        assertThat(read(() -> storage.members().count())).isEqualTo(1);
    }

    @Test
    void aTakenEmailIsAConflict() {
        add("alice", "alice@example.org");
        assertThatThrownBy(() -> add("bob", "ALICE@example.org")).isInstanceOf(ConflictException.class);
        assertThat(read(() -> storage.members().byUsername("bob"))).isEmpty();
    }

    @Test
    void byIdsReturnsTheMembersThatExist() {
        Member a = add("alice", "alice@example.org");
        Member b = add("bob", "bob@example.org");
        MemberId missing = MemberId.of(Math.max(a.id().value(), b.id().value()) + 1000);

        Map<MemberId, Member> found = read(() -> storage.members().byIds(List.of(a.id(), b.id(), missing)));

        assertThat(found).containsOnly(Map.entry(a.id(), a), Map.entry(b.id(), b));
        assertThat(read(() -> storage.members().byIds(List.of()))).isEmpty();
    }

    @Test
    void updateWritesEveryFieldButTheCounters() {
        Member a = add("alice", "alice@example.org");
        Member mod = add("mod", "mod@example.org");
        txRun(() -> storage.members().addCounters(a.id(), 3, 7));
        Instant until = clock.instant().plus(Duration.ofDays(3));
        Ban ban = new Ban("spam", clock.instant(), until, mod.id());

        txRun(() -> storage.members().update(a.withCustomTitle("Unswerving cyclist").withRole(Role.MODERATOR)
                .withBan(ban).withPasswordHash("new-hash").withCounters(999, 999)));

        Member stored = read(() -> storage.members().byId(a.id())).orElseThrow();
        assertThat(stored.customTitle()).isEqualTo("Unswerving cyclist");
        assertThat(stored.role()).isEqualTo(Role.MODERATOR);
        assertThat(stored.ban()).isEqualTo(ban);
        assertThat(stored.passwordHash()).isEqualTo("new-hash");
        assertThat(stored.messageCount()).isEqualTo(3);
        assertThat(stored.reactionScore()).isEqualTo(7);
    }

    @Test
    void updateCanClearTitleAndBan() {
        Member a = add("alice", "alice@example.org");
        Member mod = add("mod", "mod@example.org");
        txRun(() -> storage.members().update(a.withCustomTitle("x").withBan(new Ban("r", clock.instant(), null, mod.id()))));
        assertThat(read(() -> storage.members().byId(a.id())).orElseThrow().ban().until()).isNull();

        txRun(() -> storage.members().update(a.withCustomTitle(null).withBan(null)));

        Member stored = read(() -> storage.members().byId(a.id())).orElseThrow();
        assertThat(stored.customTitle()).isNull();
        assertThat(stored.ban()).isNull();
    }

    @Test
    void updateCanRenameAndLookupsFollow() {
        Member a = add("alice", "alice@example.org");

        txRun(() -> storage.members().update(new Member(a.id(), "Alicia", "alicia@example.org", a.passwordHash(), null,
                a.joinedAt(), a.role(), null, 0, 0, false)));

        assertThat(read(() -> storage.members().byUsername("ALICIA")).map(Member::id)).contains(a.id());
        assertThat(read(() -> storage.members().byEmail("alicia@example.org")).map(Member::id)).contains(a.id());
        assertThat(read(() -> storage.members().byUsername("alice"))).isEmpty();
        assertThat(read(() -> storage.members().byEmail("alice@example.org"))).isEmpty();
    }

    @Test
    void updateToATakenUsernameOrEmailIsAConflict() {
        Member a = add("alice", "alice@example.org");
        add("bob", "bob@example.org");

        assertThatThrownBy(() -> txRun(() -> storage.members().update(new Member(a.id(), "BOB", a.email(), a.passwordHash(),
                null, a.joinedAt(), a.role(), null, 0, 0, false)))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> txRun(() -> storage.members().update(new Member(a.id(), a.username(), "bob@example.org",
                a.passwordHash(), null, a.joinedAt(), a.role(), null, 0, 0, false)))).isInstanceOf(ConflictException.class);
        assertThat(read(() -> storage.members().byId(a.id()))).contains(a);
    }

    @Test
    void theVerifiedFlagIsStoredOnAddAndUpdate() {
        Member unverified = add("alice", "alice@example.org");
        Member verified = tx(() -> storage.members().add(Member.withoutId("bob", "bob@example.org", "hash", clock.instant(),
                Role.MEMBER).withEmailVerified(true)));

        assertThat(read(() -> storage.members().byId(unverified.id())).orElseThrow().emailVerified()).isFalse();
        assertThat(read(() -> storage.members().byId(verified.id())).orElseThrow().emailVerified()).isTrue();

        txRun(() -> storage.members().update(unverified.withVerifiedEmail("Alice.New@Example.org")));
        txRun(() -> storage.members().update(verified.withEmailVerified(false)));

        Member changed = read(() -> storage.members().byEmail("alice.new@example.org")).orElseThrow();
        assertThat(changed.id()).isEqualTo(unverified.id());
        assertThat(changed.emailVerified()).isTrue();
        assertThat(read(() -> storage.members().byEmail("alice@example.org"))).isEmpty();
        assertThat(read(() -> storage.members().byId(verified.id())).orElseThrow().emailVerified()).isFalse();
        assertThat(read(() -> storage.members().byIds(java.util.List.of(unverified.id()))).get(unverified.id()).emailVerified())
                .isTrue();
    }

    @Test
    void addCountersAddsAndSubtracts() {
        Member a = add("alice", "alice@example.org");
        txRun(() -> storage.members().addCounters(a.id(), 5, 3));
        txRun(() -> storage.members().addCounters(a.id(), -2, -4));

        Member stored = read(() -> storage.members().byId(a.id())).orElseThrow();
        assertThat(stored.messageCount()).isEqualTo(3);
        assertThat(stored.reactionScore()).isEqualTo(-1);
    }

    @Test
    void setCountersOverwrites() {
        Member a = add("alice", "alice@example.org");
        txRun(() -> storage.members().addCounters(a.id(), 5, 3));
        txRun(() -> storage.members().setCounters(a.id(), 11, -2));

        Member stored = read(() -> storage.members().byId(a.id())).orElseThrow();
        assertThat(stored.messageCount()).isEqualTo(11);
        assertThat(stored.reactionScore()).isEqualTo(-2);
    }

    @Test
    void countCountsEveryMember() {
        assertThat(read(() -> storage.members().count())).isZero();
        add("alice", "alice@example.org");
        add("bob", "bob@example.org");
        assertThat(read(() -> storage.members().count())).isEqualTo(2);
    }

    @Test
    void forEachVisitsEveryMemberInIdOrder() {
        List<MemberId> added = new ArrayList<>();
        for (String name : List.of("carol", "alice", "bob")) {
            added.add(add(name, name + "@example.org").id());
        }
        List<MemberId> seen = new ArrayList<>();
        read(() -> {
            storage.members().forEach(m -> seen.add(m.id()));
            return null;
        });
        assertThat(seen).containsExactlyElementsOf(added.stream().sorted((x, y) -> Long.compare(x.value(), y.value())).toList());
    }

    @Test
    void withRoleListsTheMembersOfThatRoleInIdOrderUpToTheLimit() {
        List<MemberId> admins = new ArrayList<>();
        for (String name : List.of("root", "boss", "chief")) {
            admins.add(tx(() -> storage.members().add(Member.withoutId(name, name + "@example.org", "hash", clock.instant(),
                    Role.ADMIN))).id());
        }
        add("alice", "alice@example.org");

        assertThat(read(() -> storage.members().withRole(Role.ADMIN, 10))).containsExactlyElementsOf(admins);
        assertThat(read(() -> storage.members().withRole(Role.ADMIN, 2))).containsExactlyElementsOf(admins.subList(0, 2));
        assertThat(read(() -> storage.members().withRole(Role.MODERATOR, 10))).isEmpty();
        assertThat(read(() -> storage.members().withRole(Role.MEMBER, 10))).hasSize(1);
    }
}
