package dev.forumkit.core.policy;

import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.board.CategoryId;
import dev.forumkit.core.group.GroupId;
import dev.forumkit.core.member.MemberId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The grid's rules, pure: never beats allow, deny yields to another group's allow, inheritance, member overrides. */
class GridPolicyTest {
    private static final Policy POLICY = new Policy(Duration.ofMinutes(30), null);
    private static final CategoryId CAT = CategoryId.of(1);
    private static final CategoryId OTHER_CAT = CategoryId.of(2);
    private static final BoardId LOUNGE = BoardId.of(10);
    private static final BoardId NEWS = BoardId.of(11);
    private static final BoardId ELSEWHERE = BoardId.of(20);
    private static final GroupId STAFF = GroupId.of(100);
    private static final GroupId INSIDERS = GroupId.of(101);
    private static final MemberId ANN = MemberId.of(7);
    private final List<Grant> grants = new ArrayList<>();

    private Grid grid() {
        return new Grid(grants, Map.of(LOUNGE, CAT, NEWS, CAT, ELSEWHERE, OTHER_CAT), new Grid.Names() {
            @Override
            public String group(GroupId id) {
                return id.equals(STAFF) ? "Staff" : id.equals(INSIDERS) ? "Insiders" : "g" + id;
            }

            @Override
            public String board(BoardId id) {
                return id.equals(LOUNGE) ? "Lounge" : "b" + id;
            }
        });
    }

    private void set(GroupId g, Grant.Scope scope, Permission p, GrantValue v) {
        grants.add(new Grant(Grant.Subject.group(g), scope, p, v));
    }

    private boolean has(Set<GroupId> groups, MemberId m, BoardId b, Permission p) {
        return (grid().resolve(groups, m, b) & p.bit()) != 0;
    }

    @Test
    void withoutGrantsTheBuiltInGroupsKeepTheFixedRolesRules() {
        for (Standing s : Standing.values()) {
            GroupId g = switch (s) {
                case GUEST -> GroupId.GUESTS;
                case MEMBER, BANNED -> GroupId.MEMBERS;
                case MODERATOR -> GroupId.MODERATORS;
                case ADMIN -> GroupId.ADMINS;
            };
            int bits = Grid.DEFAULTS.resolve(Set.of(g), null, LOUNGE);
            if (s == Standing.BANNED) {
                bits &= Permissions.bannedMask();
            }
            assertThat(bits).as("%s", s).isEqualTo(Permissions.defaults(s).bits());
        }
    }

    @Test
    void neverBeatsEveryAllowFromAnyOtherGroup() {
        set(STAFF, Grant.Scope.board(LOUNGE), Permission.REPLY, GrantValue.ALLOW);
        set(INSIDERS, Grant.Scope.board(LOUNGE), Permission.REPLY, GrantValue.NEVER);

        assertThat(has(Set.of(GroupId.MEMBERS, STAFF), null, LOUNGE, Permission.REPLY)).isTrue();
        assertThat(has(Set.of(GroupId.MEMBERS, STAFF, INSIDERS), null, LOUNGE, Permission.REPLY)).isFalse();
        assertThat(has(Set.of(GroupId.ADMINS, INSIDERS), null, LOUNGE, Permission.REPLY))
                .as("never beats the admins' built-in allow too").isFalse();
        assertThat(has(Set.of(GroupId.MEMBERS, INSIDERS), null, NEWS, Permission.REPLY)).as("only on that board").isTrue();
    }

    @Test
    void denyIsOverriddenByAnAllowFromAnotherGroup() {
        set(GroupId.MEMBERS, Grant.Scope.board(LOUNGE), Permission.VIEW_BOARD, GrantValue.DENY);
        set(INSIDERS, Grant.Scope.board(LOUNGE), Permission.VIEW_BOARD, GrantValue.ALLOW);

        assertThat(has(Set.of(GroupId.MEMBERS), null, LOUNGE, Permission.VIEW_BOARD)).isFalse();
        assertThat(has(Set.of(GroupId.MEMBERS, INSIDERS), null, LOUNGE, Permission.VIEW_BOARD)).isTrue();
    }

    @Test
    void boardsInheritFromTheirCategoryUnlessTheyOverrideAndCategoriesFromTheForumWideRow() {
        set(GroupId.MEMBERS, Grant.Scope.GLOBAL, Permission.UPLOAD, GrantValue.DENY);
        set(GroupId.MEMBERS, Grant.Scope.category(CAT), Permission.UPLOAD, GrantValue.ALLOW);
        set(GroupId.MEMBERS, Grant.Scope.board(NEWS), Permission.UPLOAD, GrantValue.DENY);
        Set<GroupId> members = Set.of(GroupId.MEMBERS);

        assertThat(has(members, null, LOUNGE, Permission.UPLOAD)).as("from its category").isTrue();
        assertThat(has(members, null, NEWS, Permission.UPLOAD)).as("the board's own cell").isFalse();
        assertThat(has(members, null, ELSEWHERE, Permission.UPLOAD)).as("from the forum-wide row").isFalse();
        assertThat(has(members, null, null, Permission.UPLOAD)).isFalse();
        assertThat(has(members, null, ELSEWHERE, Permission.REPLY)).as("unset: the built-in default").isTrue();
    }

    @Test
    void aCustomGroupGrantsNothingUntilItsCellsAreSet() {
        assertThat(grid().resolve(Set.of(STAFF), null, LOUNGE)).isZero();
        set(STAFF, Grant.Scope.GLOBAL, Permission.MODERATE, GrantValue.ALLOW);
        assertThat(has(Set.of(GroupId.MEMBERS, STAFF), null, LOUNGE, Permission.MODERATE)).isTrue();
    }

    @Test
    void aMembersOwnCellCountsOnlyForThatMemberAndNeverStillWins() {
        grants.add(new Grant(Grant.Subject.member(ANN), Grant.Scope.board(LOUNGE), Permission.MODERATE, GrantValue.ALLOW));
        Set<GroupId> members = Set.of(GroupId.MEMBERS);

        assertThat(has(members, ANN, LOUNGE, Permission.MODERATE)).isTrue();
        assertThat(has(members, MemberId.of(8), LOUNGE, Permission.MODERATE)).isFalse();
        assertThat(grid().hasGrantsFor(ANN)).isTrue();

        grants.add(new Grant(Grant.Subject.member(ANN), Grant.Scope.board(NEWS), Permission.REPLY, GrantValue.NEVER));
        assertThat(has(members, ANN, NEWS, Permission.REPLY)).as("a member's never beats their group's allow").isFalse();
    }

    @Test
    void thePolicyDecidesContentActionsFromTheBoardsPermissions() {
        set(GroupId.MEMBERS, Grant.Scope.board(LOUNGE), Permission.REPLY, GrantValue.NEVER);
        Permissions lounge = new Permissions(Standing.MEMBER, grid().resolve(Set.of(GroupId.MEMBERS), null, LOUNGE));
        Permissions news = new Permissions(Standing.MEMBER, grid().resolve(Set.of(GroupId.MEMBERS), null, NEWS));
        Target others = Target.content(false, false, false);

        assertThat(POLICY.allows(lounge, Action.REPLY, others)).isFalse();
        assertThat(POLICY.allows(news, Action.REPLY, others)).isTrue();
        assertThat(POLICY.allows(lounge, Action.REACT, others)).isTrue();
    }

    @Test
    void withoutViewingOrReadingTheBoardNothingOnItIsAllowed() {
        set(GroupId.MEMBERS, Grant.Scope.board(LOUNGE), Permission.READ_THREADS, GrantValue.DENY);
        Permissions p = new Permissions(Standing.MEMBER, grid().resolve(Set.of(GroupId.MEMBERS), null, LOUNGE));
        for (Action a : List.of(Action.READ_FORUM, Action.REPLY, Action.START_THREAD, Action.REACT, Action.UPLOAD,
                Action.VOTE_IN_POLL)) {
            assertThat(POLICY.allows(p, a, Target.content(false, false, false))).as("%s", a).isFalse();
        }
        assertThat(p.has(Permission.VIEW_BOARD)).as("viewing stays: the board shows, its threads do not").isTrue();
    }

    @Test
    void membersEditAndDeleteTheirOwnPostsWithinTheTimeLimitAndModeratorsAlways() {
        Permissions member = Permissions.defaults(Standing.MEMBER);
        Permissions moderator = Permissions.defaults(Standing.MODERATOR);
        Target fresh = Target.content(true, false, false).aged(Duration.ofMinutes(29));
        Target old = Target.content(true, false, false).aged(Duration.ofMinutes(31));

        assertThat(POLICY.allows(member, Action.EDIT_POST, fresh)).isTrue();
        assertThat(POLICY.allows(member, Action.EDIT_POST, old)).isFalse();
        assertThat(POLICY.allows(member, Action.DELETE_POST, old)).isFalse();
        assertThat(POLICY.allows(moderator, Action.EDIT_POST, old)).isTrue();
        assertThat(new Policy().allows(member, Action.EDIT_POST, old)).as("no limit by default").isTrue();
    }

    @Test
    void explainingNamesTheNeverThatDenied() {
        set(STAFF, Grant.Scope.board(LOUNGE), Permission.VIEW_BOARD, GrantValue.NEVER);
        Grid.Trace t = grid().trace(Set.of(GroupId.MEMBERS, STAFF), null, "ann", LOUNGE, Permission.VIEW_BOARD);

        assertThat(t.allowed()).isFalse();
        assertThat(t.rules()).contains("never for group Staff on board Lounge",
                "allow for group g2 by the built-in default");
    }

    @Test
    void explainingSaysWhereAnInheritedCellComesFrom() {
        set(INSIDERS, Grant.Scope.category(CAT), Permission.VIEW_BOARD, GrantValue.ALLOW);
        Grid.Trace t = grid().trace(Set.of(INSIDERS), null, "ann", LOUNGE, Permission.VIEW_BOARD);

        assertThat(t.allowed()).isTrue();
        assertThat(t.rules()).containsExactly("allow for group Insiders on category #1 (board Lounge inherits it)");
    }
}
