package dev.forumkit.web;

import dev.forumkit.core.Actor;
import dev.forumkit.core.Forum;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.Category;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Registration;
import dev.forumkit.core.member.Role;
import dev.forumkit.core.post.Post;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small community made through core: an admin (the first member), a moderator, a member "mia" and a member
 * "pat"; one category and board with a guest notice; a thread started by pat with a reply by mia.
 */
final class Fixture {
    static final String PASSWORD = "correct horse";
    private static final AtomicInteger SEQ = new AtomicInteger();
    final TestServer server;
    final Forum forum;
    final Member admin;
    final Member moderator;
    final Member mia;
    final Member pat;
    final Category category;
    final Board board;
    final Post opening;
    final Post miasReply;

    Fixture(TestServer server) {
        this.server = server;
        this.forum = server.forum;
        this.admin = forum.members().registerFirstAdmin(new Registration("admin", "admin@example.org", PASSWORD));
        this.moderator = member("moderator");
        forum.members().changeRole(as(admin), moderator.id(), Role.MODERATOR);
        this.mia = member("mia");
        this.pat = member("pat");
        this.category = forum.boards().createCategory(as(admin), "Travel", "Trips and places");
        this.board = forum.boards().createBoard(as(admin), category.id(), "Japan", "All things Japan",
                "Welcome to our Japan community! Join today.");
        this.opening = forum.threads().start(as(pat), board.id(), "Cherry blossom season", "When do they bloom in Kyoto?");
        this.miasReply = forum.posts().reply(as(mia), opening.threadId(), "Early April, usually.").post();
    }

    static Actor as(Member m) {
        return Actor.member(m.id());
    }

    Member member(String prefix) {
        String name = prefix.equals("admin") || prefix.equals("moderator") || prefix.equals("mia") || prefix.equals("pat")
                ? prefix : prefix + SEQ.incrementAndGet();
        return forum.members().register(new Registration(name, name + "@example.org", PASSWORD));
    }

    Client guest() {
        return server.client();
    }

    Client signedIn(Member m) {
        return server.client().signIn(m.username(), PASSWORD);
    }

    long threadId() {
        return opening.threadId().value();
    }
}
