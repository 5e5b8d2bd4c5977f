package dev.forumkit.testkit.contract;

import dev.forumkit.core.ForumException;
import dev.forumkit.core.event.EventBus;
import dev.forumkit.core.event.ForumEvent;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Registration;
import dev.forumkit.core.member.Role;
import dev.forumkit.core.post.Post;
import dev.forumkit.testkit.ForumFixture;
import dev.forumkit.testkit.StartedThread;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import static dev.forumkit.testkit.ForumFixture.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Domain events reach listeners after the command's transaction committed (through the outbox: drained here, where
 * a forum would have its outbox thread), and never for a failed command.
 */
public abstract class EventsContract extends ContractBase {
    private final List<ForumEvent> events = new CopyOnWriteArrayList<>();
    private Member alice;
    private Member bob;
    private StartedThread t;

    @BeforeEach
    void listen() {
        alice = fx().member("alice");
        bob = fx().member("bob");
        t = fx().thread().by(alice).withReplies(1, bob).start();
        forum.outbox().drain(); // the set-up's events go to nobody
        forum.subscribe(events::add);
    }

    private List<Class<?>> kinds() {
        return events.stream().<Class<?>>map(Object::getClass).toList();
    }

    @Test
    void aListenerSeesTheCommittedPostFromAnotherConnection() throws Exception {
        ExecutorService elsewhere = Executors.newSingleThreadExecutor();
        List<Optional<Post>> seen = new CopyOnWriteArrayList<>();
        try {
            forum.subscribe(e -> {
                if (e instanceof ForumEvent.PostCreated created) {
                    try { // another thread: it can only see the post once the transaction committed
                        seen.add(elsewhere.submit(() -> storage.transactions().readOnly(() -> storage.posts().byId(created.post())))
                                .get(30, TimeUnit.SECONDS));
                    } catch (Exception failure) {
                        throw new IllegalStateException(failure);
                    }
                }
            });
            Post reply = fx().reply(bob, t.id());
            forum.outbox().drain();

            assertThat(seen).containsExactly(Optional.of(reply));
        } finally {
            elsewhere.shutdownNow();
        }
    }

    @Test
    void startingAThreadAndReplyingPublishTheirEvents() {
        Post first = forum.threads().start(actor(bob), fx().board().id(), "Events", "body");
        Post reply = fx().reply(alice, first.threadId());
        forum.outbox().drain();

        assertThat(events).containsExactly(
                new ForumEvent.ThreadStarted(first.threadId(), fx().board().id(), first.id(), bob.id(), first.createdAt()),
                new ForumEvent.PostCreated(first.id(), first.threadId(), 1, bob.id(), first.createdAt()),
                new ForumEvent.PostCreated(reply.id(), first.threadId(), 2, alice.id(), reply.createdAt()));
    }

    @Test
    void reactionChangesPublishOldAndNewType() {
        Post post = t.post(2);
        forum.reactions().react(actor(alice), post.id(), "like");
        forum.reactions().react(actor(alice), post.id(), "like");
        forum.reactions().react(actor(alice), post.id(), "angry");
        forum.reactions().unreact(actor(alice), post.id());
        forum.outbox().drain();

        assertThat(events).extracting(e -> (ForumEvent.ReactionChanged) e)
                .extracting(ForumEvent.ReactionChanged::oldType, ForumEvent.ReactionChanged::newType)
                .containsExactly(tuple(null, "like"),
                        tuple("like", "angry"),
                        tuple("angry", null));
        assertThat(((ForumEvent.ReactionChanged) events.get(0)).receiver()).isEqualTo(bob.id());
    }

    @Test
    void moderationPublishesOneEventPerChange() {
        var mod = actor(fx().moderator());
        forum.posts().edit(actor(bob), t.post(2).id(), "edited");
        forum.posts().delete(mod, t.post(2).id(), "");
        forum.posts().restore(mod, t.post(2).id());
        forum.threads().lock(mod, t.id(), true);
        forum.threads().lock(mod, t.id(), true); // no change, no event
        forum.threads().pin(mod, t.id(), true);
        forum.threads().move(mod, t.id(), fx().board("Elsewhere").id());
        forum.threads().delete(mod, t.id(), "");
        forum.threads().restore(mod, t.id());
        forum.members().ban(mod, bob.id(), "x", null);
        forum.members().unban(mod, bob.id());
        forum.outbox().drain();

        assertThat(kinds()).containsExactly(ForumEvent.PostEdited.class, ForumEvent.PostDeleted.class,
                ForumEvent.PostRestored.class, ForumEvent.ThreadLockChanged.class, ForumEvent.ThreadPinChanged.class,
                ForumEvent.ThreadMoved.class, ForumEvent.ThreadDeleted.class, ForumEvent.ThreadRestored.class,
                ForumEvent.MemberBanned.class, ForumEvent.MemberUnbanned.class);
    }

    @Test
    void memberCommandsPublishTheirEvents() {
        Member carol = forum.members().register(new Registration("carol", "carol@example.org", ForumFixture.PASSWORD));
        forum.members().changeRole(actor(fx().admin()), carol.id(), Role.MODERATOR);
        forum.members().changePassword(actor(carol), ForumFixture.PASSWORD, "another-password");
        forum.outbox().drain();

        assertThat(kinds()).containsExactly(ForumEvent.MemberRegistered.class, ForumEvent.MemberRoleChanged.class,
                ForumEvent.PasswordChanged.class);
    }

    @Test
    void aFailedCommandPublishesNothing() {
        forum.threads().lock(actor(fx().moderator()), t.id(), true);
        forum.outbox().drain();
        events.clear();

        assertThatThrownBy(() -> fx().reply(bob, t.id())).isInstanceOf(ForumException.class);
        assertThatThrownBy(() -> forum.reactions().react(actor(bob), t.post(2).id(), "like")).isInstanceOf(ForumException.class);
        assertThatThrownBy(() -> forum.posts().delete(actor(fx().moderator()), t.first().id(), "")).isInstanceOf(ForumException.class);
        assertThatThrownBy(() -> forum.members().register(new Registration("ALICE", "x@example.org", ForumFixture.PASSWORD)))
                .isInstanceOf(ForumException.class);
        assertThatThrownBy(() -> forum.threads().restore(actor(fx().moderator()), t.id())).isInstanceOf(ForumException.class);
        forum.outbox().drain();

        assertThat(events).isEmpty();
    }

    @Test
    void aFailingListenerStopsNeitherTheCommandNorOtherListeners() {
        forum.subscribe(e -> {
            throw new IllegalStateException("listener bug");
        });
        List<ForumEvent> later = new CopyOnWriteArrayList<>();
        forum.subscribe(later::add);

        Logger busLog = Logger.getLogger(EventBus.class.getName());
        Level level = busLog.getLevel();
        busLog.setLevel(Level.OFF); // the bus logs the failure with its stack trace: expected here, noise in the build
        Post reply;
        try {
            reply = fx().reply(alice, t.id());
            forum.outbox().drain();
        } finally {
            busLog.setLevel(level);
        }

        assertThat(fx().reload(reply).number()).isEqualTo(3);
        assertThat(later).hasSize(1);
        assertThat(events).hasSize(1);
    }
}
