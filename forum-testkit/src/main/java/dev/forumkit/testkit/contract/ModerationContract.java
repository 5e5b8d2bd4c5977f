package dev.forumkit.testkit.contract;

import dev.forumkit.core.Actor;
import dev.forumkit.core.NotAllowedException;
import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.read.ThreadPage;
import dev.forumkit.testkit.StartedThread;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.forumkit.testkit.ForumFixture.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Editing, locking, pinning and the visibility of deleted content, as stored and as shown. */
public abstract class ModerationContract extends ContractBase {
    private Member alice;
    private Member bob;
    private StartedThread t;

    @BeforeEach
    void scene() {
        alice = fx().member("alice");
        bob = fx().member("bob");
        t = fx().thread().by(alice).withReplies(2, bob).start();
    }

    @Test
    void anEditRecordsTimeEditorAndCount() {
        clock.advanceSeconds(300);
        forum.posts().edit(actor(bob), t.post(2).id(), "Better words");
        clock.advanceSeconds(60);
        forum.posts().edit(actor(fx().moderator()), t.post(2).id(), "Moderated words");

        Post stored = fx().reload(t.post(2));
        assertThat(stored.body()).isEqualTo("Moderated words");
        assertThat(stored.lastEdit().editorId()).isEqualTo(fx().moderator().id());
        assertThat(stored.lastEdit().at()).isEqualTo(clock.instant());
        assertThat(stored.lastEdit().count()).isEqualTo(2);
        assertThat(stored.createdAt()).isEqualTo(t.post(2).createdAt());
        assertThat(stored.number()).isEqualTo(2);
    }

    @Test
    void membersEditOnlyTheirOwnPosts() {
        assertThatThrownBy(() -> forum.posts().edit(actor(alice), t.post(2).id(), "hijacked"))
                .isInstanceOf(NotAllowedException.class);
        assertThat(fx().reload(t.post(2)).body()).isEqualTo(t.post(2).body());
        assertThat(fx().reload(t.post(2)).lastEdit()).isNull();
    }

    @Test
    void aLockedThreadTakesRepliesFromStaffOnly() {
        forum.threads().lock(actor(fx().moderator()), t.id(), true);

        assertThatThrownBy(() -> fx().reply(bob, t.id())).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> forum.posts().edit(actor(bob), t.post(2).id(), "late edit")).isInstanceOf(NotAllowedException.class);
        assertThat(fx().reply(fx().moderator(), t.id()).number()).isEqualTo(4);
        assertThat(fx().reload(t.id()).locked()).isTrue();
        assertThat(forum.reading().threadPage(actor(bob), t.id(), 1).canReply()).isFalse();

        forum.threads().lock(actor(fx().moderator()), t.id(), false);
        assertThat(fx().reply(bob, t.id()).number()).isEqualTo(5);
        assertCountersMatchRecount();
    }

    @Test
    void onlyStaffLockPinMoveAndDeleteThreads() {
        Actor member = actor(alice);
        assertThatThrownBy(() -> forum.threads().lock(member, t.id(), true)).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> forum.threads().pin(member, t.id(), true)).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> forum.threads().move(member, t.id(), fx().board("Elsewhere").id())).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> forum.threads().delete(member, t.id(), "")).isInstanceOf(NotAllowedException.class);
        assertThat(fx().reload(t.id()).locked()).isFalse();
        assertThat(fx().reload(t.id()).pinned()).isFalse();
        assertThat(fx().reload(t.id()).isDeleted()).isFalse();
        assertThat(fx().reload(t.id()).boardId()).isEqualTo(fx().board().id());
    }

    @Test
    void pinningIsStored() {
        forum.threads().pin(actor(fx().moderator()), t.id(), true);
        assertThat(fx().reload(t.id()).pinned()).isTrue();
        forum.threads().pin(actor(fx().admin()), t.id(), false);
        assertThat(fx().reload(t.id()).pinned()).isFalse();
    }

    @Test
    void aDeletedPostIsHiddenFromNonStaffAndShownToStaff() {
        forum.posts().delete(actor(fx().moderator()), t.post(2).id(), "spam");

        ThreadPage asMember = forum.reading().threadPage(actor(alice), t.id(), 1);
        ThreadPage asGuest = forum.reading().threadPage(Actor.guest(), t.id(), 1);
        ThreadPage asStaff = forum.reading().threadPage(actor(fx().moderator()), t.id(), 1);

        assertThat(asMember.posts().items()).extracting(v -> v.post().number()).containsExactly(1, 3);
        assertThat(asGuest.posts().items()).extracting(v -> v.post().number()).containsExactly(1, 3);
        assertThat(asStaff.posts().items()).extracting(v -> v.post().number()).containsExactly(1, 2, 3);
        assertThat(asStaff.posts().items().get(1).canRestore()).isTrue();
        assertThat(fx().reload(t.post(2)).deletion().reason()).isEqualTo("spam");
        assertThat(fx().reload(t.post(2)).deletion().deletedBy()).isEqualTo(fx().moderator().id());
        assertThatThrownBy(() -> forum.reading().locate(actor(alice), t.post(2).id())).isInstanceOf(NotFoundException.class);
        assertThat(forum.reading().locate(actor(fx().moderator()), t.post(2).id()).number()).isEqualTo(2);
    }

    @Test
    void aDeletedThreadIsHiddenFromNonStaffAndShownToStaff() {
        forum.threads().delete(actor(fx().moderator()), t.id(), "");

        assertThatThrownBy(() -> forum.reading().threadPage(actor(alice), t.id(), 1)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> forum.reading().threadPage(Actor.guest(), t.id(), 1)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fx().reply(bob, t.id())).isInstanceOf(NotFoundException.class);
        assertThat(forum.reading().threadPage(actor(fx().moderator()), t.id(), 1).posts().items()).hasSize(3);
        assertThat(forum.reading().whatsNew(actor(alice), 1).items()).isEmpty();
        assertThat(forum.reading().whatsNew(actor(fx().admin()), 1).items()).hasSize(1);
        assertThat(forum.reading().memberProfile(Actor.guest(), bob.id()).recentPosts()).isEmpty();
    }

    @Test
    void membersDeleteTheirOwnRepliesButNobodyElses() {
        assertThatThrownBy(() -> forum.posts().delete(actor(alice), t.post(2).id(), "")).isInstanceOf(NotAllowedException.class);
        forum.posts().delete(actor(bob), t.post(2).id(), "changed my mind");
        assertThat(fx().reload(t.post(2)).isDeleted()).isTrue();
        assertThatThrownBy(() -> forum.posts().restore(actor(bob), t.post(2).id())).isInstanceOf(NotFoundException.class);
        assertCountersMatchRecount();
    }
}
