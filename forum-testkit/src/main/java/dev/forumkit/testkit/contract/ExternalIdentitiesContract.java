package dev.forumkit.testkit.contract;

import dev.forumkit.core.ConflictException;
import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.NotAllowedException;
import dev.forumkit.core.event.ForumEvent;
import dev.forumkit.core.member.ExternalIdentity;
import dev.forumkit.core.member.ExternalLink;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Role;
import dev.forumkit.testkit.StartedThread;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.forumkit.testkit.ForumFixture.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Host identity: provisioning members for a host application's users, and the links it stores. */
public abstract class ExternalIdentitiesContract extends ContractBase {
    private static final String SHOP = "https://shop.example.org";

    private static ExternalIdentity ann() {
        return ExternalIdentity.of(SHOP, "user-17", "ann", "ann@shop.example.org");
    }

    @Test
    void firstSightMakesOneMemberWithoutAPasswordAndAnnouncesIt() {
        List<ForumEvent> events = new CopyOnWriteArrayList<>();
        forum.subscribe(events::add);

        Member made = forum.members().provision(ann().withAvatarUrl("https://shop.example.org/a/17.png")
                .withCustomTitle("Customer"));
        forum.outbox().drain();

        assertThat(made.username()).isEqualTo("ann");
        assertThat(made.email()).isEqualTo("ann@shop.example.org");
        assertThat(made.customTitle()).isEqualTo("Customer");
        assertThat(made.role()).isEqualTo(Role.MEMBER);
        assertThat(made.emailVerified()).isTrue();
        assertThat(made.isExternal()).isTrue();
        assertThat(read(() -> storage.members().byId(made.id()))).contains(made);
        assertThat(forum.members().externalLink(made.id()))
                .contains(new ExternalLink(SHOP, "user-17", made.id(), "https://shop.example.org/a/17.png"));
        assertThat(events).filteredOn(e -> e instanceof ForumEvent.MemberRegistered r && r.member().equals(made.id())).hasSize(1);
        for (String password : new String[] {Member.EXTERNAL_PASSWORD_HASH, "", "a long password"}) {
            assertThat(forum.members().authenticate("ann", password)).as(password).isEmpty();
        }
    }

    @Test
    void laterCallsUpdateTheMemberAndAreIdempotent() {
        fx().admin(); // the fixture's members first, so the count below is only the provisioning's
        Member made = forum.members().provision(ann().withAvatarUrl("https://shop.example.org/a/1.png").withCustomTitle("Customer"));
        long members = read(() -> storage.members().count());

        long writes = counted.writeTransactions();
        Member again = forum.members().provision(ann());
        assertThat(again).as("nothing new from the host: nothing changes (null avatar and title keep the forum's)")
                .isEqualTo(made);
        assertThat(counted.writeTransactions()).as("and nothing is written").isEqualTo(writes);

        Member renamed = forum.members().provision(new ExternalIdentity(SHOP, "user-17", "Annie", "annie@shop.example.org",
                "https://shop.example.org/a/2.png", ""));
        assertThat(renamed.id()).isEqualTo(made.id());
        assertThat(renamed.username()).isEqualTo("Annie");
        assertThat(renamed.email()).isEqualTo("annie@shop.example.org");
        assertThat(renamed.customTitle()).as("a blank title clears it").isNull();
        assertThat(fx().reload(made)).isEqualTo(renamed);
        assertThat(forum.members().byUsername("ann")).isEmpty();
        assertThat(forum.members().externalLink(made.id()).orElseThrow().avatarUrl()).isEqualTo("https://shop.example.org/a/2.png");
        assertThat(read(() -> storage.members().count())).isEqualTo(members);
    }

    @Test
    void aTakenNameGetsTheFirstFreeNumberAndStaysStable() {
        fx().member("ann");
        fx().member("ann-2");

        Member host = forum.members().provision(ann());
        assertThat(host.username()).isEqualTo("ann-3");
        assertThat(forum.members().provision(ann()).username()).as("the next call keeps it").isEqualTo("ann-3");

        String long32 = "x".repeat(32);
        fx().member(long32);
        Member cut = forum.members().provision(ExternalIdentity.of(SHOP, "user-18", long32.toUpperCase(), "x@shop.example.org"));
        assertThat(cut.username()).hasSize(32).isEqualTo("X".repeat(30) + "-2");
    }

    @Test
    void anAddressAnotherMemberHasIsNotTaken() {
        Member owner = fx().member("owner");
        Member host = forum.members().provision(ExternalIdentity.of(SHOP, "user-19", "hostuser", owner.email()));
        assertThat(host.email()).startsWith("host-").endsWith("@external.invalid");
        assertThat(fx().reload(owner).email()).isEqualTo(owner.email());

        Member moved = forum.members().provision(ExternalIdentity.of(SHOP, "user-19", "hostuser", "mine@shop.example.org"));
        assertThat(moved.email()).isEqualTo("mine@shop.example.org");
        Member kept = forum.members().provision(ExternalIdentity.of(SHOP, "user-19", "hostuser", owner.email()));
        assertThat(kept.email()).as("a taken address leaves the current one").isEqualTo("mine@shop.example.org");
    }

    @Test
    void theSameSubjectOfAnotherIssuerIsAnotherMember() {
        Member a = forum.members().provision(ann());
        Member b = forum.members().provision(ExternalIdentity.of("https://other.example.org", "user-17", "ann", "ann@other.example.org"));
        assertThat(b.id()).isNotEqualTo(a.id());
        assertThat(b.username()).isEqualTo("ann-2");
    }

    @Test
    void aBannedMemberStaysBannedWhateverTheHostSays() {
        Member made = forum.members().provision(ann());
        StartedThread t = fx().thread().start();
        forum.members().ban(actor(fx().moderator()), made.id(), "spam", null);

        Member after = forum.members().provision(ann().withCustomTitle("Trusted"));
        assertThat(after.ban()).isNotNull();
        assertThat(after.isBannedAt(clock.instant())).isTrue();
        assertThat(after.role()).isEqualTo(Role.MEMBER);
        assertThatThrownBy(() -> fx().reply(after, t.id())).isInstanceOf(NotAllowedException.class);
    }

    @Test
    void badIdentitiesAreRefusedByField() {
        assertThatThrownBy(() -> ExternalIdentity.of(SHOP, "", "ann", "ann@shop.example.org"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors().get(0).field()).isEqualTo("subject"));
        assertThatThrownBy(() -> ExternalIdentity.of(SHOP, "1", "ann smith", "ann@shop.example.org"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors().get(0).field()).isEqualTo("username"));
        assertThatThrownBy(() -> ExternalIdentity.of(SHOP, "1", "ann", "not an address"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors().get(0).field()).isEqualTo("email"));
        assertThatThrownBy(() -> ann().withAvatarUrl("javascript:alert(1)"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors().get(0).field()).isEqualTo("avatar_url"));
        assertThat(read(() -> storage.members().count())).isZero();
    }

    @Test
    void concurrentFirstSightsOfOneUserMakeOneMember() {
        List<Member> made = Concurrently.run(8, i -> forum.members().provision(ann()));

        assertThat(made).extracting(Member::id).containsOnly(made.get(0).id());
        assertThat(read(() -> storage.members().count())).isEqualTo(1);
        assertThat(read(() -> storage.externalIdentities().find(SHOP, "user-17"))).map(ExternalLink::memberId)
                .contains(made.get(0).id());
    }

    @Test
    void thePortRefusesASecondLinkForOneUserOrOneMember() {
        Member a = fx().member("alpha");
        Member b = fx().member("beta");
        txRun(() -> storage.externalIdentities().add(new ExternalLink(SHOP, "s1", a.id(), null)));

        assertThatThrownBy(() -> txRun(() -> storage.externalIdentities().add(new ExternalLink(SHOP, "s1", b.id(), null))))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> txRun(() -> storage.externalIdentities().add(new ExternalLink(SHOP, "s2", a.id(), null))))
                .isInstanceOf(ConflictException.class);
        txRun(() -> storage.externalIdentities().add(new ExternalLink(SHOP + "/s", "1", b.id(), "https://x.example/b.png")));

        assertThat(read(() -> storage.externalIdentities().find(SHOP, "s1"))).contains(new ExternalLink(SHOP, "s1", a.id(), null));
        assertThat(read(() -> storage.externalIdentities().find(SHOP + "/s", "1")).orElseThrow().memberId()).isEqualTo(b.id());
        assertThat(read(() -> storage.externalIdentities().find(SHOP, "s2"))).isEmpty();
        assertThat(read(() -> storage.externalIdentities().byMember(b.id())).orElseThrow().subject()).isEqualTo("1");

        txRun(() -> storage.externalIdentities().update(new ExternalLink(SHOP, "s1", a.id(), "https://x.example/a.png")));
        assertThat(read(() -> storage.externalIdentities().byMember(a.id())).orElseThrow().avatarUrl()).isEqualTo("https://x.example/a.png");
    }

    @Test
    void aDeletedMemberIsNotRevivedTheUserGetsANewOne() {
        Member first = forum.members().provision(ann());
        txRun(() -> storage.members().update(first.erased()));

        Member second = forum.members().provision(ann());
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.username()).isEqualTo("ann");
        assertThat(fx().reload(first).isDeleted()).isTrue();
        assertThat(forum.members().externalLink(second.id())).map(ExternalLink::subject).contains("user-17");
        assertThat(forum.members().externalLink(first.id())).isEmpty();
    }

    @Test
    void noPasswordResetIsSentForAHostMember() {
        List<ForumEvent> events = new CopyOnWriteArrayList<>();
        Member made = forum.members().provision(ann());
        forum.outbox().drain();
        forum.subscribe(events::add);

        forum.passwordResets().request(made.email());
        forum.outbox().drain();
        assertThat(events).noneMatch(e -> e instanceof ForumEvent.PasswordResetRequested);
    }
}
