package dev.forumkit.web;

import dev.forumkit.core.Actor;
import dev.forumkit.core.Forum;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.Category;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Registration;
import dev.forumkit.core.member.Role;
import dev.forumkit.core.post.Post;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A small community made through core: an admin (the first member), a moderator, a member "mia" and a member
 * "pat"; one category and board with a guest notice; a thread started by pat with a reply by mia.
 *
 * <p>Made at once on a running server ({@code new Fixture(server)}), or, as the set-up of a whole test class,
 * registered as an extension: {@code @RegisterExtension static final Fixture f = Fixture.perClass();} starts a
 * server and writes the community before the first test, and stops the server after the last.
 */
final class Fixture implements BeforeAllCallback, AfterAllCallback {
    static final String PASSWORD = "correct horse";
    private static final AtomicInteger SEQ = new AtomicInteger();
    private final TestServer ownServer;
    TestServer server;
    Forum forum;
    Member admin;
    Member moderator;
    Member mia;
    Member pat;
    Category category;
    Board board;
    Post opening;
    Post miasReply;

    Fixture(TestServer server) {
        this.ownServer = null;
        write(server);
    }

    private Fixture(Supplier<Forum> forumSource) {
        this.ownServer = forumSource == null ? TestServer.perClass() : TestServer.perClass(forumSource);
    }

    /** For a test class: a server on a new in-memory forum (its storage at hand), with the community. */
    static Fixture perClass() {
        return new Fixture((Supplier<Forum>) null);
    }

    /** For a test class: a server on the forum the source makes when the class starts, with the community. */
    static Fixture perClass(Supplier<Forum> forumSource) {
        return new Fixture(java.util.Objects.requireNonNull(forumSource, "forumSource"));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ownServer.beforeAll(context);
        write(ownServer);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ownServer.afterAll(context);
    }

    private void write(TestServer on) {
        this.server = on;
        this.forum = on.forum;
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
