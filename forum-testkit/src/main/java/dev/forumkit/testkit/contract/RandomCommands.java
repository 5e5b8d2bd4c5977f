package dev.forumkit.testkit.contract;

import dev.forumkit.core.Actor;
import dev.forumkit.core.ConflictException;
import dev.forumkit.core.Forum;
import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.NotAllowedException;
import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.member.Registration;
import dev.forumkit.core.member.Role;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.reaction.ReactionType;
import dev.forumkit.testkit.FixedClock;
import dev.forumkit.testkit.ForumFixture;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Random forum commands by random actors, for the seeded and the concurrent invariant tests. Refusals the
 * services are expected to give (not allowed, not found, conflict, invalid input) are counted, not thrown;
 * anything else escapes. Safe to share between threads; each caller brings its own {@link Random}.
 */
final class RandomCommands {
    private final Forum forum;
    private final FixedClock clock;
    private final List<MemberId> members = new CopyOnWriteArrayList<>();
    private final List<MemberId> staff = new CopyOnWriteArrayList<>();
    private final List<BoardId> boards = new CopyOnWriteArrayList<>();
    private final List<ThreadId> threads = new CopyOnWriteArrayList<>();
    private final List<PostId> posts = new CopyOnWriteArrayList<>();
    // what was deleted or banned lately, so restores and unbans mostly pick something they can act on
    private final List<PostId> deletedPosts = new CopyOnWriteArrayList<>();
    private final List<ThreadId> deletedThreads = new CopyOnWriteArrayList<>();
    private final List<MemberId> banned = new CopyOnWriteArrayList<>();
    private final List<MemberId> plainMembers = new CopyOnWriteArrayList<>();
    private final List<String> types;
    private final AtomicInteger registrations = new AtomicInteger();
    private final AtomicInteger refusals = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final Deque<String> recent = new ArrayDeque<>();

    /** A world with the fixture's admin, moderator and board, {@code extraBoards} more boards and some members. */
    RandomCommands(ForumFixture fx, FixedClock clock, int extraBoards, int extraMembers) {
        this.forum = fx.forum();
        this.clock = clock;
        this.types = forum.reactionTypes().all().stream().map(ReactionType::key).toList();
        staff.add(fx.admin().id());
        staff.add(fx.moderator().id());
        members.addAll(staff);
        boards.add(fx.board().id());
        for (int i = 0; i < extraBoards; i++) {
            boards.add(fx.board("Board " + (i + 2)).id());
        }
        for (int i = 0; i < extraMembers; i++) {
            plainMembers.add(fx.member().id());
        }
        members.addAll(plainMembers);
    }

    int refusals() {
        return refusals.get();
    }

    int commandsRun() {
        return done.get();
    }

    List<ThreadId> threads() {
        return List.copyOf(threads);
    }

    /** The last commands run, newest last, for failure messages. */
    synchronized String recentCommands() {
        return String.join("\n  ", recent);
    }

    /** Runs one random command; returns its description. */
    String step(Random r) {
        int dice = r.nextInt(100);
        String what;
        try {
            what = run(dice, r);
        } catch (NotAllowedException | NotFoundException | ConflictException | InvalidInputException refused) {
            refusals.incrementAndGet();
            what = "refused (" + refused.getClass().getSimpleName() + ": " + refused.getMessage() + ")";
        }
        done.incrementAndGet();
        remember(dice + " " + what);
        return what;
    }

    private String run(int dice, Random r) {
        if (dice < 3) {
            String name = "joiner" + registrations.incrementAndGet() + "x" + r.nextInt(1000);
            MemberId joined = forum.members().register(new Registration(name, name + "@example.org", ForumFixture.PASSWORD)).id();
            members.add(joined);
            plainMembers.add(joined);
            return "register " + name;
        }
        if (dice < 9 || threads.isEmpty()) {
            Actor a = anyone(r);
            Post first = forum.threads().start(a, pick(r, boards), "Thread " + r.nextInt(10_000), "First post");
            threads.add(first.threadId());
            posts.add(first.id());
            return a + " starts thread " + first.threadId();
        }
        if (dice < 30) {
            Actor a = anyone(r);
            Post p = forum.posts().reply(a, pick(r, threads), "a reply").post();
            posts.add(p.id());
            return a + " replies #" + p.number() + " in " + p.threadId();
        }
        if (dice < 34) {
            Actor a = r.nextBoolean() ? anyone(r) : staffer(r);
            PostId p = pick(r, posts);
            forum.posts().edit(a, p, "edited " + r.nextInt(1000));
            return a + " edits post " + p;
        }
        if (dice < 40) {
            Actor a = r.nextBoolean() ? anyone(r) : staffer(r);
            PostId p = pick(r, posts);
            forum.posts().delete(a, p, "reason");
            deletedPosts.add(p);
            return a + " deletes post " + p;
        }
        if (dice < 45) {
            Actor a = staffer(r);
            PostId p = r.nextInt(5) > 0 && !deletedPosts.isEmpty() ? pick(r, deletedPosts) : pick(r, posts);
            forum.posts().restore(a, p);
            deletedPosts.remove(p);
            return a + " restores post " + p;
        }
        if (dice < 48) {
            Actor a = r.nextInt(4) == 0 ? anyone(r) : staffer(r);
            ThreadId t = pick(r, threads);
            forum.threads().delete(a, t, "");
            deletedThreads.add(t);
            return a + " deletes thread " + t;
        }
        if (dice < 51) {
            Actor a = staffer(r);
            ThreadId t = r.nextInt(5) > 0 && !deletedThreads.isEmpty() ? pick(r, deletedThreads) : pick(r, threads);
            forum.threads().restore(a, t);
            deletedThreads.remove(t);
            return a + " restores thread " + t;
        }
        if (dice < 55) {
            Actor a = r.nextInt(4) == 0 ? anyone(r) : staffer(r);
            ThreadId t = pick(r, threads);
            BoardId to = pick(r, boards);
            forum.threads().move(a, t, to);
            return a + " moves thread " + t + " to board " + to;
        }
        if (dice < 58) {
            Actor a = staffer(r);
            ThreadId t = pick(r, threads);
            boolean lock = r.nextBoolean();
            if (r.nextBoolean()) {
                forum.threads().lock(a, t, lock);
                return a + " locks " + t + ": " + lock;
            }
            forum.threads().pin(a, t, lock);
            return a + " pins " + t + ": " + lock;
        }
        if (dice < 78) {
            Actor a = anyone(r);
            PostId p = pick(r, posts);
            String type = pick(r, types);
            forum.reactions().react(a, p, type);
            return a + " reacts " + type + " to " + p;
        }
        if (dice < 84) {
            Actor a = anyone(r);
            PostId p = pick(r, posts);
            forum.reactions().unreact(a, p);
            return a + " unreacts " + p;
        }
        if (dice < 86) {
            Actor a = staffer(r);
            MemberId m = r.nextInt(10) == 0 ? pick(r, members) : pick(r, plainMembers);
            Duration length = Duration.ofMinutes(1 + r.nextInt(20));
            forum.members().ban(a, m, "random ban", r.nextInt(8) == 0 ? null : clock.instant().plus(length));
            banned.add(m);
            return a + " bans " + m;
        }
        if (dice < 90) {
            Actor a = staffer(r);
            MemberId m = r.nextInt(5) > 0 && !banned.isEmpty() ? pick(r, banned) : pick(r, members);
            forum.members().unban(a, m);
            banned.remove(m);
            return a + " unbans " + m;
        }
        if (dice < 91) {
            MemberId m = pick(r, plainMembers);
            Role role = r.nextBoolean() ? Role.MODERATOR : Role.MEMBER;
            forum.members().changeRole(Actor.member(staff.get(0)), m, role);
            return "admin makes " + m + " " + role;
        }
        if (dice < 96) {
            return read(r);
        }
        if (clock != null) {
            clock.advanceSeconds(r.nextInt(4) == 0 ? 0 : r.nextInt(600));
        }
        return "time passes: " + (clock == null ? "" : clock.instant());
    }

    private String read(Random r) {
        Actor a = r.nextInt(3) == 0 ? Actor.guest() : anyone(r);
        switch (r.nextInt(6)) {
            case 0 -> forum.reading().threadPage(a, pick(r, threads), 1 + r.nextInt(3));
            case 1 -> forum.reading().whatsNew(a, 1 + r.nextInt(2));
            case 2 -> forum.reading().boardPage(a, pick(r, boards), 1 + r.nextInt(2));
            case 3 -> forum.reading().boardIndex(a);
            case 4 -> forum.reading().locate(a, pick(r, posts));
            default -> forum.flushViews();
        }
        return a + " reads";
    }

    private Actor anyone(Random r) {
        return Actor.member(pick(r, members));
    }

    private Actor staffer(Random r) {
        return r.nextInt(5) == 0 ? anyone(r) : Actor.member(pick(r, staff));
    }

    private static <T> T pick(Random r, List<T> from) {
        return from.get(r.nextInt(from.size()));
    }

    private synchronized void remember(String what) {
        recent.addLast(what);
        if (recent.size() > 25) {
            recent.removeFirst();
        }
    }
}
