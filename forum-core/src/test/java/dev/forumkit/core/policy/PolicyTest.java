package dev.forumkit.core.policy;

import dev.forumkit.core.NotAllowedException;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Role;
import dev.forumkit.core.verify.Verification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static dev.forumkit.core.policy.Standing.ADMIN;
import static dev.forumkit.core.policy.Standing.BANNED;
import static dev.forumkit.core.policy.Standing.GUEST;
import static dev.forumkit.core.policy.Standing.MEMBER;
import static dev.forumkit.core.policy.Standing.MODERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every action for every standing, against every kind of target that matters to it. The table is written out by
 * hand: a row is (action, target, the standings allowed). Any decision not in the table fails the completeness test.
 */
class PolicyTest {
    private static final Policy POLICY = new Policy();

    private static final Target NONE = Target.NONE;
    private static final Target OWN = Target.content(true, false, false);
    private static final Target OTHERS = Target.content(false, false, false);
    private static final Target OWN_LOCKED = Target.content(true, true, false);
    private static final Target OTHERS_LOCKED = Target.content(false, true, false);
    private static final Target OWN_DELETED = Target.content(true, false, true);
    private static final Target OTHERS_DELETED = Target.content(false, false, true);
    private static final Target SELF = Target.member(true, Role.MEMBER);
    private static final Target A_MEMBER = Target.member(false, Role.MEMBER);
    private static final Target A_MODERATOR = Target.member(false, Role.MODERATOR);
    private static final Target AN_ADMIN = Target.member(false, Role.ADMIN);
    private static final Target SELF_ADMIN = Target.member(true, Role.ADMIN);

    private static final Set<Standing> NOBODY = EnumSet.noneOf(Standing.class);
    private static final Set<Standing> EVERYONE = EnumSet.allOf(Standing.class);
    private static final Set<Standing> STAFF = EnumSet.of(MODERATOR, ADMIN);
    private static final Set<Standing> POSTERS = EnumSet.of(MEMBER, MODERATOR, ADMIN);
    private static final Set<Standing> SIGNED_IN = EnumSet.of(MEMBER, BANNED, MODERATOR, ADMIN);
    private static final Set<Standing> ADMINS = EnumSet.of(ADMIN);

    record Row(Action action, String targetName, Target target, Set<Standing> allowed) {
    }

    private static final List<Row> TABLE = new ArrayList<>();

    private static void row(Action action, String name, Target target, Set<Standing> allowed) {
        TABLE.add(new Row(action, name, target, allowed));
    }

    static {
        row(Action.READ_FORUM, "nothing", NONE, EVERYONE);
        row(Action.VIEW_DELETED, "nothing", NONE, STAFF);
        row(Action.START_THREAD, "nothing", NONE, POSTERS);

        row(Action.REPLY, "own thread", OWN, POSTERS);
        row(Action.REPLY, "others' thread", OTHERS, POSTERS);
        row(Action.REPLY, "locked thread", OTHERS_LOCKED, STAFF);
        row(Action.REPLY, "own locked thread", OWN_LOCKED, STAFF);
        row(Action.REPLY, "deleted thread", OTHERS_DELETED, NOBODY);

        for (Action a : List.of(Action.EDIT_POST, Action.DELETE_POST)) {
            row(a, "own post", OWN, POSTERS);
            row(a, "others' post", OTHERS, STAFF);
            row(a, "own post in locked thread", OWN_LOCKED, STAFF);
            row(a, "others' post in locked thread", OTHERS_LOCKED, STAFF);
            row(a, "own deleted post", OWN_DELETED, NOBODY);
            row(a, "others' deleted post", OTHERS_DELETED, NOBODY);
        }

        row(Action.REACT, "own post", OWN, NOBODY);
        row(Action.REACT, "others' post", OTHERS, POSTERS);
        row(Action.REACT, "others' post in locked thread", OTHERS_LOCKED, POSTERS);
        row(Action.REACT, "others' deleted post", OTHERS_DELETED, NOBODY);

        for (Action a : List.of(Action.RESTORE_POST, Action.LOCK_THREAD, Action.PIN_THREAD, Action.MOVE_THREAD,
                Action.DELETE_THREAD, Action.RESTORE_THREAD, Action.APPROVE_CONTENT)) {
            row(a, "own content", OWN, STAFF);
            row(a, "others' content", OTHERS, STAFF);
            row(a, "locked content", OTHERS_LOCKED, STAFF);
        }

        row(Action.UPDATE_PROFILE, "self", SELF, POSTERS);
        row(Action.UPDATE_PROFILE, "another member", A_MEMBER, ADMINS);
        row(Action.SET_CUSTOM_TITLE, "self", SELF, POSTERS);
        row(Action.SET_CUSTOM_TITLE, "another member", A_MEMBER, ADMINS);
        row(Action.CHANGE_PASSWORD, "self", SELF, SIGNED_IN);
        row(Action.CHANGE_PASSWORD, "another member", A_MEMBER, NOBODY);
        row(Action.CHANGE_EMAIL, "self", SELF, POSTERS);
        row(Action.CHANGE_EMAIL, "another member", A_MEMBER, NOBODY);

        row(Action.CHANGE_ROLE, "another member", A_MEMBER, ADMINS);
        row(Action.CHANGE_ROLE, "a moderator", A_MODERATOR, ADMINS);
        row(Action.CHANGE_ROLE, "another admin", AN_ADMIN, ADMINS);
        row(Action.CHANGE_ROLE, "self", SELF_ADMIN, NOBODY);

        row(Action.BAN_MEMBER, "a member", A_MEMBER, STAFF);
        row(Action.BAN_MEMBER, "a moderator", A_MODERATOR, ADMINS);
        row(Action.BAN_MEMBER, "an admin", AN_ADMIN, NOBODY);
        row(Action.BAN_MEMBER, "self", SELF, NOBODY);
        row(Action.BAN_MEMBER, "self as admin", SELF_ADMIN, NOBODY);

        row(Action.MANAGE_STRUCTURE, "nothing", NONE, ADMINS);
        row(Action.RECOUNT, "nothing", NONE, ADMINS);
        row(Action.RERENDER_POSTS, "nothing", NONE, ADMINS);

        row(Action.REPORT_CONTENT, "others' post", OTHERS, POSTERS);
        row(Action.REPORT_CONTENT, "others' post in locked thread", OTHERS_LOCKED, POSTERS);
        row(Action.REPORT_CONTENT, "own post", OWN, NOBODY);
        row(Action.REPORT_CONTENT, "others' deleted post", OTHERS_DELETED, NOBODY);
        row(Action.REPORT_CONTENT, "another member", A_MEMBER, POSTERS);
        row(Action.REPORT_CONTENT, "a moderator", A_MODERATOR, POSTERS);
        row(Action.REPORT_CONTENT, "self", SELF, NOBODY);
        row(Action.HANDLE_REPORTS, "nothing", NONE, STAFF);
        row(Action.WARN_MEMBER, "a member", A_MEMBER, STAFF);
        row(Action.WARN_MEMBER, "a moderator", A_MODERATOR, ADMINS);
        row(Action.WARN_MEMBER, "an admin", AN_ADMIN, NOBODY);
        row(Action.WARN_MEMBER, "self", SELF, NOBODY);
        row(Action.WARN_MEMBER, "self as admin", SELF_ADMIN, NOBODY);
        row(Action.VIEW_WARNINGS, "self", SELF, POSTERS);
        row(Action.VIEW_WARNINGS, "another member", A_MEMBER, STAFF);
        row(Action.VIEW_AUDIT_LOG, "nothing", NONE, ADMINS);
        row(Action.MANAGE_GROUPS, "nothing", NONE, ADMINS);
        row(Action.MANAGE_PERMISSIONS, "nothing", NONE, ADMINS);
        row(Action.MANAGE_INTEGRATIONS, "nothing", NONE, ADMINS);
        row(Action.REBUILD_SEARCH, "nothing", NONE, ADMINS);
        row(Action.UPLOAD, "nothing", NONE, POSTERS);
        row(Action.VOTE_IN_POLL, "nothing", NONE, POSTERS);
        row(Action.VIEW_ATTACHMENTS, "nothing", NONE, POSTERS);
    }

    static Stream<Arguments> decisions() {
        return TABLE.stream().flatMap(r -> Stream.of(Standing.values())
                .map(s -> Arguments.of(r.action(), r.targetName(), s, r.target(), r.allowed().contains(s))));
    }

    @ParameterizedTest(name = "{0} on {1} by {2}: allowed={4}")
    @MethodSource("decisions")
    void decides_every_action_for_every_standing(Action action, String targetName, Standing who, Target target, boolean allowed) {
        assertThat(POLICY.allows(who, action, target)).isEqualTo(allowed);
        if (allowed) {
            POLICY.check(who, action, target);
        } else {
            assertThatThrownBy(() -> POLICY.check(who, action, target)).isInstanceOf(NotAllowedException.class)
                    .satisfies(e -> assertThat(((NotAllowedException) e).signInRequired()).isEqualTo(who == GUEST));
        }
    }

    @Test
    void the_table_names_every_action() {
        Set<Action> covered = EnumSet.noneOf(Action.class);
        TABLE.forEach(r -> covered.add(r.action()));
        assertThat(covered).containsExactlyInAnyOrder(Action.values());
    }

    @Test
    void requiring_verification_holds_back_only_posting_by_unverified_members() {
        Policy strict = new Policy(Verification.REQUIRED_TO_POST);
        Member unverified = Member.withoutId("ann", "ann@example.org", "hash", Instant.EPOCH, Role.MEMBER);
        Member verified = unverified.withEmailVerified(true);
        Set<Action> posting = EnumSet.of(Action.START_THREAD, Action.REPLY, Action.REACT);

        for (Action a : Action.values()) {
            assertThat(strict.verifiedEnough(unverified, a)).as("unverified %s", a).isEqualTo(!posting.contains(a));
            assertThat(strict.verifiedEnough(verified, a)).as("verified %s", a).isTrue();
            assertThat(POLICY.verifiedEnough(unverified, a)).as("verification off, %s", a).isTrue();
        }
        assertThatThrownBy(() -> strict.checkVerified(unverified, Action.REPLY)).isInstanceOf(NotAllowedException.class)
                .hasMessageContaining("verify your e-mail address first")
                .satisfies(e -> assertThat(((NotAllowedException) e).code()).isEqualTo(Policy.EMAIL_UNVERIFIED))
                .satisfies(e -> assertThat(((NotAllowedException) e).signInRequired()).isFalse());
        strict.checkVerified(verified, Action.REPLY);
        POLICY.checkVerified(unverified, Action.REPLY);
    }

    @Test
    void guests_and_banned_members_can_only_read() {
        for (Action a : Action.values()) {
            for (Target t : List.of(NONE, OWN, OTHERS, SELF, A_MEMBER)) {
                if (a != Action.READ_FORUM) {
                    assertThat(POLICY.allows(GUEST, a, t)).as("guest %s %s", a, t).isFalse();
                }
                if (a != Action.READ_FORUM && a != Action.CHANGE_PASSWORD) {
                    assertThat(POLICY.allows(BANNED, a, t)).as("banned %s %s", a, t).isFalse();
                }
            }
        }
    }
}
