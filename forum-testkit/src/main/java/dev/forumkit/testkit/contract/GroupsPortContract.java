package dev.forumkit.testkit.contract;

import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.board.CategoryId;
import dev.forumkit.core.group.Group;
import dev.forumkit.core.group.GroupId;
import dev.forumkit.core.group.MemberGroups;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.policy.Grant;
import dev.forumkit.core.policy.GrantValue;
import dev.forumkit.core.policy.Permission;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code Groups} and {@code Grants} ports: built-in groups, custom groups, memberships and grid cells. */
public abstract class GroupsPortContract extends ContractBase {
    private static final MemberId ANN = MemberId.of(1);
    private static final MemberId BOB = MemberId.of(2);

    private Group add(String name, String title, int order) {
        return tx(() -> storage.groups().add(Group.withoutId(name, title, order)));
    }

    @Test
    void aFreshStorageHasTheFourBuiltInGroups() {
        assertThat(read(() -> storage.groups().all())).extracting(Group::id)
                .containsExactly(GroupId.GUESTS, GroupId.MEMBERS, GroupId.MODERATORS, GroupId.ADMINS);
        assertThat(read(() -> storage.groups().byId(GroupId.MODERATORS))).get().extracting(Group::name).isEqualTo("Moderators");
    }

    @Test
    void customGroupsAreNumberedFromAHundredListedAfterTheBuiltInOnesAndChanged() {
        Group staff = add("Staff", "Staff", 2);
        Group helpers = add("Helpers", null, 1);
        assertThat(staff.id().value()).isGreaterThanOrEqualTo(GroupId.FIRST_CUSTOM);
        assertThat(read(() -> storage.groups().all())).extracting(Group::name)
                .containsExactly("Guests", "Members", "Moderators", "Admins", "Helpers", "Staff");

        Group renamed = new Group(staff.id(), "Team", "Team member", 0);
        txRun(() -> storage.groups().update(renamed));
        assertThat(read(() -> storage.groups().byId(staff.id()))).contains(renamed);
        assertThatThrownBy(() -> txRun(() -> storage.groups().update(new Group(GroupId.of(999), "x", null, 0))))
                .isInstanceOf(NotFoundException.class);
        assertThat(helpers.title()).isNull();
    }

    @Test
    void aMembersGroupsAreStoredReplacedAndReadInBulk() {
        Group staff = add("Staff", "Staff", 1);
        Group helpers = add("Helpers", null, 2);
        assertThat(read(() -> storage.groups().of(ANN))).isEqualTo(MemberGroups.none(ANN));

        txRun(() -> storage.groups().put(new MemberGroups(ANN, staff.id(), Set.of(helpers.id()))));
        txRun(() -> storage.groups().put(new MemberGroups(BOB, null, Set.of(helpers.id()))));
        assertThat(read(() -> storage.groups().of(ANN))).isEqualTo(new MemberGroups(ANN, staff.id(), Set.of(helpers.id())));
        assertThat(read(() -> storage.groups().of(List.of(ANN, BOB, MemberId.of(3))))).containsOnlyKeys(ANN, BOB);
        assertThat(read(() -> storage.groups().members(helpers.id(), 10))).containsExactly(ANN, BOB);
        assertThat(read(() -> storage.groups().members(helpers.id(), 1))).containsExactly(ANN);

        txRun(() -> storage.groups().put(new MemberGroups(ANN, null, Set.of())));
        assertThat(read(() -> storage.groups().of(ANN)).isEmpty()).isTrue();
        assertThat(read(() -> storage.groups().members(helpers.id(), 10))).containsExactly(BOB);
    }

    @Test
    void placingAMemberInAGroupThatDoesNotExistChangesNothing() {
        Group staff = add("Staff", null, 1);
        txRun(() -> storage.groups().put(new MemberGroups(ANN, staff.id(), Set.of())));
        assertThatThrownBy(() -> txRun(() -> storage.groups().put(new MemberGroups(ANN, GroupId.of(4242), Set.of()))))
                .isInstanceOf(NotFoundException.class);
        assertThat(read(() -> storage.groups().of(ANN)).primary()).isEqualTo(staff.id());
    }

    @Test
    void removingAGroupTakesItsMembersPlacesButKeepsTheirOtherGroups() {
        Group staff = add("Staff", null, 1);
        Group helpers = add("Helpers", null, 2);
        txRun(() -> storage.groups().put(new MemberGroups(ANN, staff.id(), Set.of(helpers.id()))));

        assertThat(tx(() -> storage.groups().remove(staff.id()))).isTrue();
        assertThat(tx(() -> storage.groups().remove(staff.id()))).isFalse();
        assertThat(read(() -> storage.groups().byId(staff.id()))).isEmpty();
        assertThat(read(() -> storage.groups().of(ANN))).isEqualTo(new MemberGroups(ANN, null, Set.of(helpers.id())));
    }

    @Test
    void gridCellsAreSetReplacedClearedAndListed() {
        Grant.Subject members = Grant.Subject.group(GroupId.MEMBERS);
        Grant.Subject ann = Grant.Subject.member(ANN);
        Grant onBoard = new Grant(members, Grant.Scope.board(BoardId.of(5)), Permission.VIEW_BOARD, GrantValue.DENY);
        Grant onCategory = new Grant(members, Grant.Scope.category(CategoryId.of(5)), Permission.VIEW_BOARD, GrantValue.ALLOW);
        Grant forumWide = new Grant(ann, Grant.Scope.GLOBAL, Permission.MODERATE, GrantValue.ALLOW);
        txRun(() -> {
            storage.grants().put(onBoard);
            storage.grants().put(onCategory);
            storage.grants().put(forumWide);
        });
        assertThat(read(() -> storage.grants().all())).containsExactlyInAnyOrder(onBoard, onCategory, forumWide);

        Grant never = new Grant(members, Grant.Scope.board(BoardId.of(5)), Permission.VIEW_BOARD, GrantValue.NEVER);
        txRun(() -> storage.grants().put(never));
        assertThat(read(() -> storage.grants().all())).containsExactlyInAnyOrder(never, onCategory, forumWide);

        assertThat(tx(() -> storage.grants().remove(members, Grant.Scope.board(BoardId.of(5)), Permission.VIEW_BOARD))).isTrue();
        assertThat(tx(() -> storage.grants().remove(members, Grant.Scope.board(BoardId.of(5)), Permission.VIEW_BOARD))).isFalse();
        assertThat(tx(() -> storage.grants().removeAll(ann))).isEqualTo(1);
        assertThat(read(() -> storage.grants().all())).containsExactly(onCategory);
    }

    @Test
    void theGridsVersionRisesWithEachBumpAndNotWithARolledBackOne() {
        long start = read(() -> storage.grants().version());
        txRun(() -> storage.grants().bump());
        txRun(() -> storage.grants().bump());
        assertThat(read(() -> storage.grants().version())).isEqualTo(start + 2);
        assertThatThrownBy(() -> txRun(() -> {
            storage.grants().bump();
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(read(() -> storage.grants().version())).isEqualTo(start + 2);
    }

    @Test
    void aGrantWrittenInATransactionThatFailsIsNotStored() {
        Grant g = new Grant(Grant.Subject.group(GroupId.GUESTS), Grant.Scope.GLOBAL, Permission.REPLY, GrantValue.ALLOW);
        assertThatThrownBy(() -> txRun(() -> {
            storage.grants().put(g);
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(read(() -> storage.grants().all())).isEmpty();
        assertThat(read(() -> Map.of("n", storage.grants().all().size()))).containsEntry("n", 0);
    }
}
