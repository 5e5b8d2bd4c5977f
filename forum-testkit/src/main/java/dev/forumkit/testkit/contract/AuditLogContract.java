package dev.forumkit.testkit.contract;

import dev.forumkit.core.Actor;
import dev.forumkit.core.NotAllowedException;
import dev.forumkit.core.audit.AuditAction;
import dev.forumkit.core.audit.AuditEntry;
import dev.forumkit.core.audit.AuditFilter;
import dev.forumkit.core.audit.AuditLine;
import dev.forumkit.core.audit.AuditTarget;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Role;
import dev.forumkit.core.report.ReportId;
import dev.forumkit.testkit.StartedThread;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.forumkit.testkit.ForumFixture.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit log: each staff action records one entry in its own transaction; admins list them with filters. */
public abstract class AuditLogContract extends ContractBase {
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

    private Actor admin() {
        return actor(fx().admin());
    }

    private List<AuditEntry> all() {
        return forum.audit().list(admin(), AuditFilter.ALL, 1).items().stream().map(AuditLine::entry).toList();
    }

    @Test
    void groupAndPermissionChangesAreRecordedWithBeforeAndAfter() {
        var board = fx().board();
        long before = forum.audit().list(admin(), AuditFilter.ALL, 1).total();
        dev.forumkit.core.group.Group crew = forum.groups().create(admin(), "Crew", "Crew", 5);
        forum.groups().update(admin(), crew.id(), "Crew", "Race crew", 5);
        forum.groups().place(admin(), bob.id(), crew.id(), java.util.Set.of());
        forum.groups().place(admin(), bob.id(), crew.id(), java.util.Set.of()); // no change, no entry
        var subject = dev.forumkit.core.policy.Grant.Subject.group(crew.id());
        var scope = dev.forumkit.core.policy.Grant.Scope.board(board.id());
        forum.permissions().set(admin(), new dev.forumkit.core.policy.Grant(subject, scope,
                dev.forumkit.core.policy.Permission.REPLY, dev.forumkit.core.policy.GrantValue.NEVER));
        forum.permissions().clear(admin(), subject, scope, dev.forumkit.core.policy.Permission.REPLY);
        forum.permissions().clear(admin(), subject, scope, dev.forumkit.core.policy.Permission.REPLY); // not set: no entry
        forum.groups().remove(admin(), crew.id());

        List<AuditEntry> entries = all().subList(0, (int) (forum.audit().list(admin(), AuditFilter.ALL, 1).total() - before));
        List<AuditAction> actions = new java.util.ArrayList<>(entries.stream().map(AuditEntry::action).toList());
        java.util.Collections.reverse(actions);
        assertThat(actions).containsExactly(AuditAction.GROUP_CREATE, AuditAction.GROUP_UPDATE, AuditAction.MEMBER_GROUPS,
                AuditAction.PERMISSION_SET, AuditAction.PERMISSION_CLEAR, AuditAction.GROUP_REMOVE);
        AuditEntry set = entries.get(2);
        assertThat(set.target()).isEqualTo(AuditTarget.board(board.id()));
        assertThat(set.before()).contains("group " + crew.id().value()).endsWith("inherit");
        assertThat(set.after()).endsWith("never");
        AuditEntry placed = entries.get(3);
        assertThat(placed.target()).isEqualTo(AuditTarget.member(bob.id()));
        assertThat(placed.after()).contains("primary " + crew.id().value());
        assertThat(entries.get(4).before()).contains("Crew").doesNotContain("Race crew");
        assertThat(entries.get(4).after()).contains("Race crew");
        assertThat(entries).allSatisfy(e -> assertThat(e.actor()).isEqualTo(fx().admin().id()));
    }

    @Test
    void everyModerationActionIsRecordedWithWhoWhatTargetBeforeAfterAndReason() {
        Instant start = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        long before = forum.audit().list(admin(), AuditFilter.ALL, 1).total(); // the fixture's structure changes
        forum.threads().lock(mod(), t.id(), true);
        forum.threads().lock(mod(), t.id(), true); // no change, no entry
        forum.threads().pin(mod(), t.id(), true);
        forum.threads().move(mod(), t.id(), fx().board("Elsewhere").id());
        forum.posts().delete(mod(), t.post(2).id(), "off topic");
        forum.posts().restore(mod(), t.post(2).id());
        forum.posts().edit(mod(), t.post(2).id(), "Cleaned up");
        forum.threads().delete(mod(), t.id(), "duplicate");
        forum.threads().restore(mod(), t.id());
        forum.members().ban(mod(), bob.id(), "spam", null);
        forum.members().unban(mod(), bob.id());
        forum.members().changeRole(admin(), ann.id(), Role.MODERATOR);
        forum.warnings().warn(actor(fx().admin()), t.post(2).id(), 2, "be nice", null);
        ReportId report = forum.reports().reportPost(actor(ann), t.post(2).id(), "spam");
        forum.reports().resolve(mod(), report, "handled");

        List<AuditEntry> entries = all();
        assertThat(entries).hasSize((int) before + 14); // 13 actions changed something, and "Elsewhere" was created
        List<AuditAction> actions = new java.util.ArrayList<>(entries.stream().map(AuditEntry::action).toList());
        java.util.Collections.reverse(actions);
        assertThat(actions.subList(actions.size() - 14, actions.size())).containsExactly(
                AuditAction.THREAD_LOCK, AuditAction.THREAD_PIN, AuditAction.BOARD_CREATE, AuditAction.THREAD_MOVE,
                AuditAction.POST_DELETE, AuditAction.POST_RESTORE, AuditAction.POST_EDIT, AuditAction.THREAD_DELETE,
                AuditAction.THREAD_RESTORE, AuditAction.MEMBER_BAN, AuditAction.MEMBER_UNBAN, AuditAction.MEMBER_ROLE,
                AuditAction.MEMBER_WARN, AuditAction.REPORT_RESOLVE);
        assertThat(entries).allSatisfy(e -> assertThat(e.at()).isAfterOrEqualTo(start));

        AuditEntry delete = entries.stream().filter(e -> e.action() == AuditAction.POST_DELETE).findFirst().orElseThrow();
        assertThat(delete.actor()).isEqualTo(fx().moderator().id());
        assertThat(delete.target()).isEqualTo(AuditTarget.post(t.post(2).id()));
        assertThat(delete.before()).isEqualTo("visible");
        assertThat(delete.after()).isEqualTo("deleted");
        assertThat(delete.reason()).isEqualTo("off topic");
        AuditEntry role = entries.stream().filter(e -> e.action() == AuditAction.MEMBER_ROLE).findFirst().orElseThrow();
        assertThat(role.before()).isEqualTo("MEMBER");
        assertThat(role.after()).isEqualTo("MODERATOR");
        assertThat(role.target()).isEqualTo(AuditTarget.member(ann.id()));
        AuditEntry edit = entries.stream().filter(e -> e.action() == AuditAction.POST_EDIT).findFirst().orElseThrow();
        assertThat(edit.before()).isEqualTo(t.post(2).body());
        assertThat(edit.after()).isEqualTo("Cleaned up");
        AuditEntry resolved = entries.get(0);
        assertThat(resolved.target()).isEqualTo(AuditTarget.report(report.value()));
        assertThat(resolved.reason()).isEqualTo("handled");
    }

    @Test
    void membersEditingAndDeletingTheirOwnPostsAreNotModeration() {
        long before = forum.audit().list(admin(), AuditFilter.ALL, 1).total();
        forum.posts().edit(actor(bob), t.post(2).id(), "my words");
        forum.posts().delete(actor(bob), t.post(2).id(), "");
        forum.members().updateCustomTitle(actor(bob), bob.id(), "Cyclist");
        assertThat(forum.audit().list(admin(), AuditFilter.ALL, 1).total()).isEqualTo(before);
    }

    @Test
    void anEntryCommitsAndRollsBackWithItsAction() {
        long before = forum.audit().list(admin(), AuditFilter.ALL, 1).total();
        assertThatThrownBy(() -> forum.members().unban(mod(), bob.id())).isInstanceOf(dev.forumkit.core.ConflictException.class);
        assertThatThrownBy(() -> txRun(() -> {
            forum.threads().lock(mod(), t.id(), true);
            throw new IllegalStateException("the caller's transaction fails");
        })).hasMessageContaining("fails");
        assertThat(fx().reload(t.id()).locked()).isFalse();
        assertThat(forum.audit().list(admin(), AuditFilter.ALL, 1).total()).isEqualTo(before);
    }

    @Test
    void filtersByActorActionTargetAndTimeAndPagesNewestFirst() {
        Instant t0 = clock.instant();
        forum.threads().lock(mod(), t.id(), true);
        clock.advanceSeconds(60);
        Instant t1 = clock.instant();
        forum.threads().lock(actor(fx().admin()), t.id(), false);
        forum.members().ban(mod(), bob.id(), "spam", null);
        clock.advanceSeconds(60);
        forum.threads().pin(mod(), t.id(), true);

        AuditFilter byMod = new AuditFilter(fx().moderator().id(), null, null, null, t0, null);
        assertThat(forum.audit().list(admin(), byMod, 1).items()).extracting(l -> l.entry().action())
                .containsExactly(AuditAction.THREAD_PIN, AuditAction.MEMBER_BAN, AuditAction.THREAD_LOCK);
        assertThat(forum.audit().list(admin(), byMod, 1).items()).allSatisfy(l -> assertThat(l.actorName()).isEqualTo("moderator"));
        AuditFilter onThread = new AuditFilter(null, null, AuditTarget.Kind.THREAD, t.id().value(), null, null);
        assertThat(forum.audit().list(admin(), onThread, 1).total()).isEqualTo(3);
        AuditFilter unlocks = new AuditFilter(null, AuditAction.THREAD_UNLOCK, null, null, null, null);
        assertThat(forum.audit().list(admin(), unlocks, 1).items()).singleElement()
                .satisfies(l -> assertThat(l.entry().actor()).isEqualTo(fx().admin().id()));
        AuditFilter window = new AuditFilter(null, null, null, null, t1, t1.plusSeconds(1));
        assertThat(forum.audit().list(admin(), window, 1).items()).extracting(l -> l.entry().action())
                .containsExactly(AuditAction.MEMBER_BAN, AuditAction.THREAD_UNLOCK);
        AuditFilter members = new AuditFilter(null, null, AuditTarget.Kind.MEMBER, null, t1, null); // the fixture made its moderator at t0
        assertThat(forum.audit().list(admin(), members, 1).total()).isEqualTo(1);
        assertThat(forum.audit().list(admin(), AuditFilter.ALL, 2).items()).isEmpty();
    }

    @Test
    void onlyAdminsReadTheLog() {
        assertThatThrownBy(() -> forum.audit().list(mod(), AuditFilter.ALL, 1)).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> forum.audit().list(actor(ann), AuditFilter.ALL, 1)).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> forum.audit().list(Actor.guest(), AuditFilter.ALL, 1)).isInstanceOf(NotAllowedException.class);
    }

    @Test
    void thePortAppendsKeepsLongTextsShortAndPagesAndCounts() {
        String huge = "x".repeat(5000);
        AuditEntry stored = tx(() -> storage.auditLog().append(new AuditEntry(null, clock.instant(), bob.id(),
                AuditAction.BOARD_UPDATE, AuditTarget.FORUM, huge, null, "why")));
        assertThat(stored.id()).isPositive();
        assertThat(stored.before()).hasSize(AuditEntry.MAX_TEXT);
        AuditFilter byBob = new AuditFilter(bob.id(), null, null, null, null, null);
        assertThat(read(() -> storage.auditLog().page(byBob, 0, 10))).containsExactly(stored);
        assertThat(read(() -> storage.auditLog().count(byBob))).isEqualTo(1);
        assertThat(read(() -> storage.auditLog().page(byBob, 1, 10))).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        AuditEntry second = tx(() -> storage.auditLog().append(new AuditEntry(null, clock.instant(), bob.id(),
                AuditAction.BOARD_UPDATE, AuditTarget.FORUM, null, "after", null)));
        assertThat(read(() -> storage.auditLog().page(byBob, 0, 1))).containsExactly(second);
    }
}
