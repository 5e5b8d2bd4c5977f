package dev.forumkit.testkit.contract;

import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.NotAllowedException;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Registration;
import dev.forumkit.core.member.Role;
import dev.forumkit.core.session.Session;
import dev.forumkit.testkit.ForumFixture;
import dev.forumkit.testkit.StartedThread;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static dev.forumkit.testkit.ForumFixture.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Members through the service over the storage: joining, uniqueness, signing in, bans and the sessions they end. */
public abstract class MemberAccountsContract extends ContractBase {

    private Member register(String username, String email) {
        return forum.members().register(new Registration(username, email, ForumFixture.PASSWORD));
    }

    private static String fieldOf(InvalidInputException e) {
        return e.fieldErrors().get(0).field();
    }

    private Session session(Member m, int n) {
        Session s = new Session(String.format("%064x", n), m.id(), clock.instant(), clock.instant().plus(Duration.ofDays(30)));
        txRun(() -> storage.sessions().add(s));
        return s;
    }

    private boolean hasSession(int n) {
        return read(() -> storage.sessions().byTokenHash(String.format("%064x", n))).isPresent();
    }

    @Test
    void signUpNeverMakesAnAdminAndTheFirstAdminIsMadeOnlyOnce() {
        Member joiner = register("joiner", "joiner@example.org");
        assertThat(joiner.role()).isEqualTo(Role.MEMBER);
        assertThat(forum.members().needsFirstAdmin()).isTrue();

        Member founder = forum.members().registerFirstAdmin(
                new Registration("founder", "founder@example.org", ForumFixture.PASSWORD));
        Member second = register("second", "second@example.org");

        assertThat(founder.role()).isEqualTo(Role.ADMIN);
        assertThat(forum.members().needsFirstAdmin()).isFalse();
        assertThatThrownBy(() -> forum.members().registerFirstAdmin(
                new Registration("usurper", "usurper@example.org", ForumFixture.PASSWORD)))
                .isInstanceOf(dev.forumkit.core.ConflictException.class);
        assertThat(forum.members().byUsername("usurper")).isEmpty();
        assertThat(second.role()).isEqualTo(Role.MEMBER);
        assertThat(forum.members().byId(second.id()).orElseThrow().joinedAt()).isEqualTo(second.joinedAt());
    }

    @Test
    void aUsernameIsTakenWhateverItsCase() {
        register("Alice", "alice@example.org");
        assertThatThrownBy(() -> register("aLiCe", "other@example.org"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(fieldOf(e)).isEqualTo("username"));
        assertThat(read(() -> storage.members().count())).isEqualTo(1);
    }

    @Test
    void anEmailIsTakenWhateverItsCase() {
        register("alice", "alice@example.org");
        assertThatThrownBy(() -> register("bob", "  ALICE@Example.org "))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(fieldOf(e)).isEqualTo("email"));
        assertThat(forum.members().byUsername("bob")).isEmpty();
    }

    @Test
    void membersSignInByUsernameOrEmailWithTheRightPasswordOnly() {
        Member alice = register("Alice", "alice@example.org");

        assertThat(forum.members().authenticate("alice", ForumFixture.PASSWORD)).contains(alice);
        assertThat(forum.members().authenticate("ALICE@example.org", ForumFixture.PASSWORD)).contains(alice);
        assertThat(forum.members().authenticate("alice", "wrong-password")).isEmpty();
        assertThat(forum.members().authenticate("nobody", ForumFixture.PASSWORD)).isEmpty();
    }

    @Test
    void aBanEndsTheMembersSessionsAndStopsPostingUntilUnbanned() {
        Member bob = fx().member("bob");
        Member carol = fx().member("carol");
        StartedThread t = fx().thread().by(carol).start();
        session(bob, 1);
        session(bob, 2);
        session(carol, 3);

        forum.members().ban(actor(fx().moderator()), bob.id(), "flaming", null);

        assertThat(hasSession(1)).isFalse();
        assertThat(hasSession(2)).isFalse();
        assertThat(hasSession(3)).isTrue();
        Member banned = fx().reload(bob);
        assertThat(banned.ban().reason()).isEqualTo("flaming");
        assertThat(banned.ban().bannedBy()).isEqualTo(fx().moderator().id());
        assertThat(banned.ban().until()).isNull();
        assertThatThrownBy(() -> fx().reply(bob, t.id())).isInstanceOf(NotAllowedException.class);
        assertThat(forum.reading().threadPage(actor(bob), t.id(), 1).posts().items()).as("banned members still read").hasSize(1);

        forum.members().unban(actor(fx().moderator()), bob.id());
        assertThat(fx().reload(bob).ban()).isNull();
        assertThat(fx().reply(bob, t.id()).number()).isEqualTo(2);
    }

    @Test
    void aTemporaryBanEndsWhenItsTimeComes() {
        Member bob = fx().member("bob");
        StartedThread t = fx().thread().start();
        Instant until = clock.instant().plus(Duration.ofHours(2));
        forum.members().ban(actor(fx().moderator()), bob.id(), "cool off", until);
        assertThat(fx().reload(bob).ban().until()).isEqualTo(until);
        assertThatThrownBy(() -> fx().reply(bob, t.id())).isInstanceOf(NotAllowedException.class);

        clock.advance(Duration.ofHours(2));

        assertThat(fx().reply(bob, t.id()).number()).isEqualTo(2);
    }

    @Test
    void aBanMustEndInTheFutureAndNobodyBansAnAdmin() {
        Member bob = fx().member("bob");
        assertThatThrownBy(() -> forum.members().ban(actor(fx().moderator()), bob.id(), "x", clock.instant().minusSeconds(1)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> forum.members().ban(actor(fx().moderator()), fx().admin().id(), "coup", null))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> forum.members().ban(actor(bob), fx().moderator().id(), "revenge", null))
                .isInstanceOf(NotAllowedException.class);
        assertThat(fx().reload(fx().admin()).ban()).isNull();
        assertThat(fx().reload(bob).ban()).isNull();
    }

    @Test
    void changingThePasswordEndsEverySessionAndSwapsThePassword() {
        Member bob = fx().member("bob");
        Member carol = fx().member("carol");
        session(bob, 1);
        session(carol, 2);

        forum.members().changePassword(actor(bob), ForumFixture.PASSWORD, "a-brand-new-secret");

        assertThat(hasSession(1)).isFalse();
        assertThat(hasSession(2)).isTrue();
        assertThat(forum.members().authenticate("bob", "a-brand-new-secret")).isPresent();
        assertThat(forum.members().authenticate("bob", ForumFixture.PASSWORD)).isEmpty();
    }

    @Test
    void aWrongCurrentPasswordChangesNothing() {
        Member bob = fx().member("bob");
        session(bob, 1);

        assertThatThrownBy(() -> forum.members().changePassword(actor(bob), "not-my-password", "a-brand-new-secret"))
                .isInstanceOf(InvalidInputException.class);

        assertThat(hasSession(1)).isTrue();
        assertThat(forum.members().authenticate("bob", ForumFixture.PASSWORD)).isPresent();
    }

    @Test
    void rolesAndTitlesAreStored() {
        Member bob = fx().member("bob");
        forum.members().changeRole(actor(fx().admin()), bob.id(), Role.MODERATOR);
        forum.members().updateCustomTitle(actor(bob), bob.id(), "Unswerving cyclist");

        Member stored = fx().reload(bob);
        assertThat(stored.role()).isEqualTo(Role.MODERATOR);
        assertThat(stored.customTitle()).isEqualTo("Unswerving cyclist");
        assertThatThrownBy(() -> forum.members().changeRole(actor(bob), fx().moderator().id(), Role.ADMIN))
                .isInstanceOf(NotAllowedException.class);
    }
}
