package dev.forumkit.core.alert;

import dev.forumkit.core.Actor;
import dev.forumkit.core.Forum;
import dev.forumkit.core.ManualClock;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.Category;
import dev.forumkit.core.event.EventCodec;
import dev.forumkit.core.event.EventConsumer;
import dev.forumkit.core.event.EventDelivery;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Pbkdf2PasswordHasher;
import dev.forumkit.core.member.Registration;
import dev.forumkit.core.member.Role;
import dev.forumkit.core.memory.InMemoryForumStorage;
import dev.forumkit.core.read.Page;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A forum on the in-memory storage whose outbox runs only when asked: {@link #deliver()} drains it, so the forum's own
 * "alerts" consumer fans out everything that happened since the last call, at the events' real positions.
 */
final class AlertWorld implements AutoCloseable {
    final InMemoryForumStorage storage = new InMemoryForumStorage();
    final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T10:00:00Z"));
    final Forum forum;
    /** Every event delivered so far, with its position, as a second consumer saw it. */
    final List<EventDelivery> delivered = new ArrayList<>();
    final Member admin;
    final Member moderator;
    final Category category;
    final Board board;

    AlertWorld() {
        this(c -> { });
    }

    /** The same with more of the forum's configuration (such as a mailer). */
    AlertWorld(java.util.function.Consumer<dev.forumkit.core.ForumConfig> more) {
        forum = Forum.create(storage, c -> {
            c.clock(clock).passwordHasher(new Pbkdf2PasswordHasher(1_000))
                    .viewFlushInterval(Duration.ZERO).markupRenderer(new TaggingRenderer())
                    .outboxPollInterval(Duration.ZERO).consumer(EventConsumer.inStorage("alert-world", delivered::add));
            more.accept(c);
        });
        admin = forum.members().registerFirstAdmin(new Registration("admin", "admin@example.org", "a long password"));
        moderator = member("moderator", Role.MODERATOR);
        category = forum.boards().createCategory(as(admin), "General", "");
        board = forum.boards().createBoard(as(admin), category.id(), "Cycling", "", "");
    }

    Member member(String name) {
        return forum.members().register(new Registration(name, name + "@example.org", "a long password"));
    }

    Member member(String name, Role role) {
        return forum.members().changeRole(as(admin), member(name).id(), role);
    }

    static Actor as(Member m) {
        return Actor.member(m.id());
    }

    /** Delivers every event since the last call through the outbox (the forum's alert consumer among others). */
    void deliver() {
        forum.outbox().drain();
        clock.advance(Duration.ofSeconds(1)); // alerts get distinct times
    }

    /** Hands the last delivered event to the fan-out again, at its old position (an outbox redelivery). */
    void redeliverLast() {
        EventDelivery last = delivered.get(delivered.size() - 1);
        forum.alerts().fanout().handle(last.position(), last.event());
    }

    /** The events stored since the alert consumer's position: written, not yet delivered. */
    List<EventDelivery> undelivered() {
        return storage.transactions().readOnly(() -> {
            long from = storage.eventLog().consumer(AlertService.CONSUMER).orElseThrow().position();
            return storage.eventLog().after(from, 1_000).stream()
                    .map(e -> new EventDelivery(e.position(), EventCodec.decode(e.event()), e.createdAt())).toList();
        });
    }

    List<AlertEntry> alerts(Member m) {
        return forum.alerts().list(as(m), 1).items();
    }

    Page<AlertEntry> page(Member m, int n) {
        return forum.alerts().list(as(m), n);
    }

    long unread(Member m) {
        return forum.alerts().unreadCount(as(m));
    }

    @Override
    public void close() {
        forum.close();
    }
}
