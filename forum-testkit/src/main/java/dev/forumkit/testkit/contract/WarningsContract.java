package dev.forumkit.testkit.contract;

import dev.forumkit.core.Actor;
import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.NotAllowedException;
import dev.forumkit.core.alert.AlertKind;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Role;
import dev.forumkit.core.warning.MemberWarnings;
import dev.forumkit.core.warning.Warning;
import dev.forumkit.core.warning.WarningResult;
import dev.forumkit.testkit.StartedThread;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.forumkit.testkit.ForumFixture.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Warnings through the services on the storage under test: points add up while not expired, the default thresholds
 * (10 points: 7 days, 20 points: 30 days) ban automatically, and the member is alerted.
 */
public abstract class WarningsContract extends ContractBase {
    private Member ann;
    private Member bob;
    private StartedThread t;

    @BeforeEach
    void scene() {
        ann = fx().member("ann");
        bob = fx().member("bob");
        t = fx().thread().by(ann).withReplies(1, bob).start();
    }

    private Actor mod() {
        return actor(fx().moderator());
    }

    @Test
    void aWarningIsStoredShownToTheMemberAndAlertsThem() {
        WarningResult r = forum.warnings().warn(mod(), t.post(2).id(), 3, "No personal attacks", Duration.ofDays(30));

        Warning w = r.warning();
        assertThat(w.member()).isEqualTo(bob.id());
        assertThat(w.post()).isEqualTo(t.post(2).id());
        assertThat(w.thread()).isEqualTo(t.id());
        assertThat(w.issuedBy()).isEqualTo(fx().moderator().id());
        assertThat(w.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(30)));
        assertThat(r.activePoints()).isEqualTo(3);
        assertThat(r.bannedMember()).isNull();
        MemberWarnings own = forum.warnings().ofMember(actor(bob), bob.id());
        assertThat(own.warnings()).containsExactly(w);
        assertThat(own.activePoints()).isEqualTo(3);
        assertThat(forum.warnings().ofMember(mod(), bob.id()).warnings()).containsExactly(w);

        forum.outbox().drain();
        assertThat(forum.alerts().list(actor(bob), 1).items()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.MEMBER_WARNED);
            assertThat(a.detail()).isEqualTo("3 points");
            assertThat(a.post()).isEqualTo(t.post(2).id());
        });
    }

    @Test
    void pointsAddUpOnlyWhileNotExpired() {
        forum.warnings().warn(mod(), t.post(2).id(), 4, "First", Duration.ofDays(1));
        clock.advanceSeconds(60);
        forum.warnings().warn(mod(), t.post(2).id(), 5, "Second", null);
        assertThat(forum.warnings().ofMember(actor(bob), bob.id()).activePoints()).isEqualTo(9);

        clock.advance(Duration.ofDays(2));
        MemberWarnings later = forum.warnings().ofMember(actor(bob), bob.id());
        assertThat(later.activePoints()).isEqualTo(5);
        assertThat(later.warnings()).extracting(Warning::reason).containsExactly("Second", "First");
        WarningResult r = forum.warnings().warn(mod(), t.post(2).id(), 4, "Third", Duration.ofDays(1));
        assertThat(r.activePoints()).isEqualTo(9);
        assertThat(r.bannedMember()).isNull(); // 4 + 5 expired points would have reached 10: expired ones do not count
        assertThat(fx().reload(bob).isBannedAt(clock.instant())).isFalse();
    }

    @Test
    void reachingAThresholdBansForItsDurationAndEndsTheMembersSessions() {
        forum.warnings().warn(mod(), t.post(2).id(), 6, "Spam", Duration.ofDays(90));
        WarningResult r = forum.warnings().warn(mod(), t.post(2).id(), 5, "More spam", Duration.ofDays(90));

        assertThat(r.activePoints()).isEqualTo(11);
        assertThat(r.bannedMember()).isNotNull();
        Member stored = fx().reload(bob);
        assertThat(stored.ban().until()).isEqualTo(clock.instant().plus(Duration.ofDays(7)));
        assertThat(stored.ban().bannedBy()).isEqualTo(fx().moderator().id());
        assertThat(stored.ban().reason()).contains("10").contains("More spam");

        WarningResult jump = forum.warnings().warn(mod(), t.post(2).id(), 20, "Again", null);
        assertThat(fx().reload(bob).ban().until()).isEqualTo(clock.instant().plus(Duration.ofDays(30)));
        assertThat(jump.bannedMember()).isNotNull();
    }

    @Test
    void aThresholdNeverShortensALongerBan() {
        forum.members().ban(mod(), bob.id(), "for good", null);
        WarningResult r = forum.warnings().warn(mod(), t.post(2).id(), 10, "Spam", null);
        assertThat(r.bannedMember()).isNull();
        assertThat(fx().reload(bob).ban().until()).isNull();
    }

    @Test
    void onlyStaffWarnModeratorsOnlyMembersAndNobodyThemself() {
        assertThatThrownBy(() -> forum.warnings().warn(actor(ann), t.post(2).id(), 1, "x", null))
                .isInstanceOf(NotAllowedException.class);
        StartedThread modThread = fx().thread().by(fx().moderator()).start();
        assertThatThrownBy(() -> forum.warnings().warn(mod(), modThread.post(1).id(), 1, "self", null))
                .isInstanceOf(NotAllowedException.class);
        Member otherMod = fx().member("othermod", Role.MODERATOR);
        StartedThread other = fx().thread().by(otherMod).start();
        assertThatThrownBy(() -> forum.warnings().warn(mod(), other.post(1).id(), 1, "peer", null))
                .isInstanceOf(NotAllowedException.class);
        assertThat(forum.warnings().warn(actor(fx().admin()), other.post(1).id(), 1, "admins may", null).warning()).isNotNull();
        assertThatThrownBy(() -> forum.warnings().ofMember(actor(ann), bob.id())).isInstanceOf(NotAllowedException.class);
        assertThat(forum.warnings().ofMember(mod(), bob.id()).warnings()).isEmpty();
    }

    @Test
    void badInputNamesEveryFieldAndStoresNothing() {
        assertThatThrownBy(() -> forum.warnings().warn(mod(), t.post(2).id(), 0, " ", Duration.ofDays(-1)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .extracting(InvalidInputException.FieldError::field).containsExactlyInAnyOrder("points", "reason", "expires_in"));
        assertThat(forum.warnings().ofMember(mod(), bob.id()).warnings()).isEmpty();
    }

    @Test
    void aRevokedWarningsPointsStopCountingAtOnceAndTheRevocationIsAudited() {
        Warning first = forum.warnings().warn(mod(), t.post(2).id(), 6, "Spam", Duration.ofDays(90)).warning();
        forum.warnings().warn(mod(), t.post(2).id(), 2, "Rude", null);
        clock.advanceSeconds(60);

        MemberWarnings after = forum.warnings().revoke(mod(), first.id(), "Was not spam after all");

        assertThat(after.activePoints()).isEqualTo(2);
        assertThat(forum.warnings().ofMember(actor(bob), bob.id()).activePoints()).isEqualTo(2);
        Warning revoked = after.warnings().stream().filter(w -> w.id().equals(first.id())).findFirst().orElseThrow();
        assertThat(revoked.isRevoked()).isTrue();
        assertThat(revoked.revokedBy()).isEqualTo(fx().moderator().id());
        assertThat(revoked.revokedAt()).isEqualTo(clock.instant());
        // 2 + 6 again would have reached 10 had the revoked 6 still counted
        assertThat(forum.warnings().warn(mod(), t.post(2).id(), 6, "Again", null).bannedMember()).isNull();
        assertThatThrownBy(() -> forum.warnings().revoke(mod(), first.id(), null))
                .isInstanceOf(dev.forumkit.core.ConflictException.class);
        assertThatThrownBy(() -> forum.warnings().revoke(actor(ann), first.id(), null)).isInstanceOf(NotAllowedException.class);
        assertThat(forum.audit().list(actor(fx().admin()), dev.forumkit.core.audit.AuditFilter.ALL, 1).items())
                .anySatisfy(l -> {
                    assertThat(l.entry().action()).isEqualTo(dev.forumkit.core.audit.AuditAction.MEMBER_WARNING_REVOKE);
                    assertThat(l.entry().before()).isEqualTo("8 points");
                    assertThat(l.entry().after()).startsWith("2 points");
                    assertThat(l.entry().reason()).isEqualTo("Was not spam after all");
                });
    }
}
