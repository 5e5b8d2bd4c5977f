package dev.forumkit.testkit.contract;

import dev.forumkit.core.ConflictException;
import dev.forumkit.core.alert.AlertKind;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.notify.EmailNotice;
import dev.forumkit.core.notify.Unsubscribe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code EmailNotices} port: the last notification e-mail per (member, thread) and unsubscribe links. */
public abstract class EmailNoticesPortContract extends ContractBase {
    private Member alice;
    private Member bob;

    @BeforeEach
    void rows() {
        PortRows rows = new PortRows(storage);
        alice = rows.member("alice", clock.instant());
        bob = rows.member("bob", clock.instant());
    }

    @Test
    void aNoticeIsKeptPerMemberAndThreadAndReplaced() {
        ThreadId t1 = ThreadId.of(1);
        ThreadId t2 = ThreadId.of(2);
        EmailNotice first = new EmailNotice(alice.id(), t1, 3, 10, clock.instant());
        txRun(() -> storage.emailNotices().put(first));
        txRun(() -> storage.emailNotices().put(new EmailNotice(bob.id(), t1, 4, 11, clock.instant())));

        assertThat(read(() -> storage.emailNotices().last(alice.id(), t1))).contains(first);
        assertThat(read(() -> storage.emailNotices().last(alice.id(), t2))).isEmpty();

        EmailNotice later = new EmailNotice(alice.id(), t1, 7, 20, clock.advance(Duration.ofHours(1)));
        txRun(() -> storage.emailNotices().put(later));
        assertThat(read(() -> storage.emailNotices().last(alice.id(), t1))).contains(later);
        assertThat(read(() -> storage.emailNotices().last(bob.id(), t1)).orElseThrow().postNumber()).isEqualTo(4);
    }

    @Test
    void unsubscribeLinksAreFoundByTokenHashWithEveryField() {
        Unsubscribe thread = new Unsubscribe(String.format("%064x", 1), alice.id(), Unsubscribe.Scope.THREAD, AlertKind.REPLY,
                ThreadId.of(5), dev.forumkit.core.board.BoardId.of(2), clock.instant());
        Unsubscribe kind = new Unsubscribe(String.format("%064x", 2), bob.id(), Unsubscribe.Scope.KIND, AlertKind.MENTION,
                null, null, clock.instant());
        txRun(() -> storage.emailNotices().addUnsubscribe(thread));
        txRun(() -> storage.emailNotices().addUnsubscribe(kind));

        assertThat(read(() -> storage.emailNotices().unsubscribe(String.format("%064x", 1)))).contains(thread);
        assertThat(read(() -> storage.emailNotices().unsubscribe(String.format("%064x", 2)))).contains(kind);
        assertThat(read(() -> storage.emailNotices().unsubscribe(String.format("%064x", 3)))).isEmpty();
        assertThatThrownBy(() -> txRun(() -> storage.emailNotices().addUnsubscribe(kind))).isInstanceOf(ConflictException.class);
    }

    @Test
    void unsubscribeLinksCreatedBeforeATimeArePrunedAndNoOthers() {
        java.time.Instant old = clock.instant();
        java.time.Instant young = clock.advanceSeconds(3_600);
        Unsubscribe first = new Unsubscribe(String.format("%064x", 1), alice.id(), Unsubscribe.Scope.KIND, AlertKind.REPLY,
                null, null, old);
        Unsubscribe second = new Unsubscribe(String.format("%064x", 2), bob.id(), Unsubscribe.Scope.KIND, AlertKind.REPLY,
                null, null, young);
        txRun(() -> storage.emailNotices().addUnsubscribe(first));
        txRun(() -> storage.emailNotices().addUnsubscribe(second));

        assertThat(tx(() -> storage.emailNotices().pruneUnsubscribes(old))).isZero();
        assertThat(tx(() -> storage.emailNotices().pruneUnsubscribes(young))).isEqualTo(1);
        assertThat(read(() -> storage.emailNotices().unsubscribe(first.tokenHash()))).isEmpty();
        assertThat(read(() -> storage.emailNotices().unsubscribe(second.tokenHash()))).contains(second);
    }
}
