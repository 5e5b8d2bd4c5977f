package dev.forumkit.testkit.contract;

import dev.forumkit.core.NotAllowedException;
import dev.forumkit.core.counter.RecountReport;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.post.LastPost;
import dev.forumkit.core.post.Post;
import dev.forumkit.testkit.StartedThread;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.forumkit.testkit.ForumFixture.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Recount: finds every counter that differs from the rows, repairs only when asked, admins only. */
public abstract class RecountContract extends ContractBase {
    private Member bob;
    private StartedThread t;

    @BeforeEach
    void scene() {
        Member alice = fx().member("alice");
        bob = fx().member("bob");
        t = fx().thread().by(alice).withReplies(2, bob).start();
        forum.reactions().react(actor(alice), t.post(2).id(), "like");
    }

    private void corruptEveryKindOfCounter() {
        txRun(() -> {
            storage.threads().setCounters(t.id(), 17, LastPost.of(t.first()));
            storage.boards().setCounters(fx().board().id(), 9, 99, null);
            storage.members().setCounters(bob.id(), 50, -7);
        });
    }

    @Test
    void aConsistentForumRecountsClean() {
        RecountReport report = forum.counters().recountAsSystem(false);
        assertThat(report.clean()).isTrue();
        assertThat(report.threadsChecked()).isEqualTo(1);
        assertThat(report.boardsChecked()).isEqualTo(1);
        assertThat(report.membersChecked()).isEqualTo(4);
    }

    @Test
    void aReportOnlyRecountNamesEveryDifferenceAndRepairsNothing() {
        corruptEveryKindOfCounter();

        RecountReport report = forum.counters().recountAsSystem(false);

        assertThat(report.differences()).extracting(d -> d.entity() + " " + d.field()).containsExactlyInAnyOrder(
                "thread " + t.id() + " reply_count", "thread " + t.id() + " last_post",
                "board " + fx().board().id() + " thread_count", "board " + fx().board().id() + " post_count",
                "board " + fx().board().id() + " last_post",
                "member " + bob.id() + " message_count", "member " + bob.id() + " reaction_score");
        assertThat(fx().reload(t.id()).replyCount()).isEqualTo(17);
        assertThat(forum.counters().recountAsSystem(false).clean()).isFalse();
    }

    @Test
    void aRepairingRecountPutsEveryCounterRight() {
        corruptEveryKindOfCounter();

        forum.counters().recountAsSystem(true);

        assertThat(forum.counters().recountAsSystem(false).differences()).isEmpty();
        assertThat(fx().reload(t.id()).replyCount()).isEqualTo(2);
        assertThat(fx().reload(t.id()).lastPost()).isEqualTo(LastPost.of(t.post(3)));
        assertThat(fx().reload(fx().board()).postCount()).isEqualTo(3);
        assertThat(fx().reload(fx().board()).lastPost()).isEqualTo(LastPost.of(t.post(3)));
        assertThat(fx().reload(bob).messageCount()).isEqualTo(2);
        assertThat(fx().reload(bob).reactionScore()).isEqualTo(1);
    }

    @Test
    void aClockSteppingBackBetweenRepliesInTwoThreadsLeavesNoDifferenceAndTheBoardPointsAtTheNewestPost() {
        StartedThread other = fx().thread().by(bob).start(); // a second thread of the same board
        clock.advanceSeconds(3600);
        Post before = forum.posts().reply(actor(bob), t.id(), "written before the clock stepped back").post();
        clock.set(clock.instant().minusSeconds(2 * 3600)); // NTP correcting a fast clock, a VM restored from a snapshot
        Post newest = forum.posts().reply(actor(bob), other.id(), "written after the clock stepped back").post();
        assertThat(newest.createdAt()).isBefore(before.createdAt());

        assertThat(forum.counters().recountAsSystem(false).differences()).isEmpty();
        assertThat(fx().reload(fx().board()).lastPost()).isEqualTo(LastPost.of(newest));
        assertThat(fx().reload(other.id()).lastPost()).isEqualTo(LastPost.of(newest));
        assertThat(fx().reload(t.id()).lastPost()).isEqualTo(LastPost.of(before));
    }

    @Test
    void aClockSteppingBackInsideOneThreadLeavesNoDifference() {
        StartedThread other = fx().thread().by(bob).start();
        clock.advanceSeconds(3600);
        forum.posts().reply(actor(bob), t.id(), "the board's newest post for now");
        clock.set(clock.instant().minusSeconds(2 * 3600));
        Post newest = forum.posts().reply(actor(bob), t.id(), "written after the clock stepped back").post();

        assertThat(forum.counters().recountAsSystem(false).differences()).isEmpty();
        assertThat(fx().reload(fx().board()).lastPost()).isEqualTo(LastPost.of(newest));
        assertThat(fx().reload(t.id()).lastPost()).isEqualTo(LastPost.of(newest));

        forum.threads().delete(actor(fx().moderator()), other.id(), "spam"); // the board's pointer is chosen again
        assertThat(fx().reload(fx().board()).lastPost()).isEqualTo(LastPost.of(newest));
        assertCountersMatchRecount();
    }

    @Test
    void onlyAdminsMayRecount() {
        corruptEveryKindOfCounter();
        assertThatThrownBy(() -> forum.counters().recount(actor(fx().moderator()))).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> forum.counters().recount(actor(bob))).isInstanceOf(NotAllowedException.class);
        assertThat(forum.counters().recountAsSystem(false).clean()).isFalse();

        assertThat(forum.counters().recount(actor(fx().admin())).clean()).isFalse();
        assertThat(forum.counters().recountAsSystem(false).clean()).isTrue();
    }
}
