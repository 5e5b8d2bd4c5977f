package dev.forumkit.testkit;

import dev.forumkit.core.Actor;
import dev.forumkit.core.Forum;
import dev.forumkit.core.ForumConfig;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.Category;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.PasswordHasher;
import dev.forumkit.core.member.Pbkdf2PasswordHasher;
import dev.forumkit.core.member.Registration;
import dev.forumkit.core.member.Role;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.core.thread.ForumThread;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A small forum built through the public services: an admin, a moderator, one category with one board.
 * Everything else (members, boards, threads, replies) is one call away, with defaults for what a test does not
 * care about. Reads go through the storage ports, so tests see what was really stored.
 *
 * <pre>{@code
 * ForumStorage storage = new InMemoryForumStorage();
 * ForumFixture fx = ForumFixture.on(ForumFixture.forum(storage, FixedClock.atDefaultStart()), storage);
 * Member alice = fx.member("alice");
 * StartedThread t = fx.thread().by(alice).withReplies(3).start();
 * }</pre>
 */
public final class ForumFixture {
    /** The password of every fixture member. */
    public static final String PASSWORD = "correct-horse-battery";
    private final Forum forum;
    private final ForumStorage storage;
    private final Member admin;
    private final Member moderator;
    private final Category category;
    private final Board board;
    private final AtomicInteger sequence = new AtomicInteger();

    private ForumFixture(Forum forum, ForumStorage storage) {
        this.forum = forum;
        this.storage = storage;
        this.admin = forum.members().registerFirstAdmin(new Registration("admin", "admin@example.org", PASSWORD));
        this.moderator = forum.members().changeRole(actor(admin), register("moderator").id(), Role.MODERATOR);
        this.category = forum.boards().createCategory(actor(admin), "General", "Everything else");
        this.board = forum.boards().createBoard(actor(admin), category.id(), "Cycling", "Bikes and rides", "Welcome! Join today");
    }

    /**
     * Builds the fixture's admin, moderator, category and board in an empty forum. {@code storage} is the one the
     * forum was created over (the forum does not hand it out): the fixture's reloads read it directly.
     */
    public static ForumFixture on(Forum forum, ForumStorage storage) {
        return new ForumFixture(forum, storage);
    }

    /** A cheap password hasher for tests: PBKDF2 with 1,000 iterations, so registering takes about a millisecond. */
    public static PasswordHasher fastHasher() {
        return new Pbkdf2PasswordHasher(1_000);
    }

    /**
     * A forum for tests: the given clock, the fast hasher, no view-flush timer (call {@code flushViews()}) and no
     * outbox thread (call {@code forum.outbox().drain()} to deliver events to listeners and consumers).
     */
    public static Forum forum(ForumStorage storage, Clock clock) {
        return forum(storage, clock, c -> { });
    }

    public static Forum forum(ForumStorage storage, Clock clock, Consumer<ForumConfig> more) {
        return Forum.create(storage, c -> {
            c.clock(clock).passwordHasher(fastHasher()).viewFlushInterval(Duration.ZERO).outboxPollInterval(Duration.ZERO);
            more.accept(c);
        });
    }

    public static Actor actor(Member member) {
        return Actor.member(member.id());
    }

    public Forum forum() {
        return forum;
    }

    public Member admin() {
        return admin;
    }

    public Member moderator() {
        return moderator;
    }

    public Category category() {
        return category;
    }

    /** The fixture's default board. */
    public Board board() {
        return board;
    }

    /** Registers a member with e-mail {@code <username>@example.org} and {@link #PASSWORD}. */
    public Member member(String username) {
        return register(username);
    }

    /** Registers a member with a made-up unique name. */
    public Member member() {
        return register("member" + sequence.incrementAndGet());
    }

    public Member member(String username, Role role) {
        Member m = register(username);
        return role == Role.MEMBER ? m : forum.members().changeRole(actor(admin), m.id(), role);
    }

    /** Another board in the fixture's category. */
    public Board board(String title) {
        return forum.boards().createBoard(actor(admin), category.id(), title, "", "");
    }

    /** Starts describing a thread: by a new member in the default board unless told otherwise. */
    public ThreadBuilder thread() {
        return new ThreadBuilder(this);
    }

    public Post reply(Member author, ThreadId thread) {
        return reply(author, thread, "Reply " + sequence.incrementAndGet() + " by " + author.username());
    }

    public Post reply(Member author, ThreadId thread, String body) {
        return forum.posts().reply(actor(author), thread, body).post();
    }

    /** The member as stored now (counters included). */
    public Member reload(Member member) {
        return forum.members().byId(member.id()).orElseThrow();
    }

    public Board reload(Board b) {
        return read(s -> s.boards().byId(b.id()).orElseThrow());
    }

    public ForumThread reload(ThreadId id) {
        return read(s -> s.threads().byId(id).orElseThrow());
    }

    public Post reload(Post post) {
        return read(s -> s.posts().byId(post.id()).orElseThrow());
    }

    private <T> T read(java.util.function.Function<ForumStorage, T> query) {
        return storage.transactions().readOnly(() -> query.apply(storage));
    }

    private Member register(String username) {
        return forum.members().register(new Registration(username, username + "@example.org", PASSWORD));
    }
}
