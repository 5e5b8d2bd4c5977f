package dev.forumkit.web;

import dev.forumkit.core.Actor;
import dev.forumkit.core.Forum;
import dev.forumkit.core.ForumConfig;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.Category;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Pbkdf2PasswordHasher;
import dev.forumkit.core.member.Registration;
import dev.forumkit.core.member.Role;
import dev.forumkit.core.memory.InMemoryForumStorage;
import dev.forumkit.core.post.Post;
import dev.forumkit.markup.ForumMarkupRenderer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;

/**
 * A small community for the browser tests, in our own words: an admin, a moderator and two members, a category
 * with two boards, a short thread with a quote and reactions, and a thread of 100 posts. It is written with a
 * clock in the past, so join dates and post times look like a forum that has been around for a while.
 */
final class Community {
    static final String PASSWORD = "correct horse battery";
    final SettableClock clock = new SettableClock(Instant.parse("2025-03-14T09:00:00Z"));
    final Forum forum;
    final Member admin;
    final Member sachiko;
    final Member kenji;
    final Member mina;
    final Category travel;
    final Board japan;
    final Board cycling;
    final Post ferry;
    final Post ferryReply;
    final ThreadId longThread;
    final List<Post> longPosts;

    Community() {
        this(c -> { });
    }

    /** The same community with more of the forum's configuration (such as a mailer: {@link MailWorld#mailTo}). */
    Community(Consumer<ForumConfig> more) {
        forum = Forum.create(new InMemoryForumStorage(), c -> {
            c.clock(clock).passwordHasher(new Pbkdf2PasswordHasher(1_000)).viewFlushInterval(Duration.ZERO)
                    .markupRenderer(ForumMarkupRenderer.create());
            more.accept(c);
        });
        admin = forum.members().registerFirstAdmin(new Registration("admin", "admin@example.org", PASSWORD));
        clock.advance(Duration.ofDays(40));
        sachiko = forum.members().register(new Registration("sachiko", "sachiko@example.org", PASSWORD));
        forum.members().changeRole(as(admin), sachiko.id(), Role.MODERATOR);
        clock.advance(Duration.ofDays(95));
        kenji = forum.members().register(new Registration("kenji", "kenji@example.org", PASSWORD));
        forum.members().updateCustomTitle(as(kenji), kenji.id(), "Unswerving cyclist");
        clock.advance(Duration.ofDays(21));
        mina = forum.members().register(new Registration("mina", "mina@example.org", PASSWORD));
        forum.members().updateCustomTitle(as(mina), mina.id(), "Ferry timetable collector");
        forum.members().updateCustomTitle(as(sachiko), sachiko.id(), "Keeps the harbour tidy");

        travel = forum.boards().createCategory(as(admin), "Travel and neighbours", "Journeys, languages and news across the region");
        japan = forum.boards().createBoard(as(admin), travel.id(), "Japan and Korea",
                "Trains, ferries, food and the news between the two countries",
                "Welcome to our Japan and Korea community! Reading is open to all; join today to post. It takes a minute and costs nothing.");
        cycling = forum.boards().createBoard(as(admin), travel.id(), "Cycling tours", "Routes, gear and where to sleep", null);
        Category meta = forum.boards().createCategory(as(admin), "About this forum", "News, feedback and help");
        forum.boards().createBoard(as(admin), meta.id(), "Announcements", "What changes here, and when", null);

        clock.advance(Duration.ofDays(30));
        ferry = forum.threads().start(as(kenji), japan.id(), "From Fukuoka to Busan by ferry and bike",
                "I finally did it: rode to Hakata port, rolled the bike onto the fast ferry and was in Busan before lunch.\n\n"
                        + "The bike went in a bag for the crossing. Has anyone taken the **overnight boat** instead? "
                        + "I wonder if it is worth the extra day.");
        clock.advance(Duration.ofHours(3));
        ferryReply = forum.posts().reply(as(admin), ferry.threadId(),
                "[quote=kenji post=" + ferry.id().value() + "]Has anyone taken the overnight boat instead?[/quote]\n\n"
                        + "I did, two summers ago. You sleep through the crossing and arrive rested, and the bike rides "
                        + "free in the hold. Worth it if you are not in a hurry.").post();
        clock.advance(Duration.ofHours(5));
        Post minas = forum.posts().reply(as(mina), ferry.threadId(),
                "Both boats run daily in summer, fewer in winter. Book the bike space early during holiday weeks.").post();
        clock.advance(Duration.ofHours(1));
        forum.posts().reply(as(kenji), ferry.threadId(), "Thanks, both of you. The night boat it is next time.");
        forum.reactions().react(as(admin), ferry.id(), "like");
        forum.reactions().react(as(mina), ferry.id(), "love");
        forum.reactions().react(as(kenji), ferryReply.id(), "like");
        forum.reactions().react(as(kenji), minas.id(), "wow");

        clock.advance(Duration.ofDays(2));
        Post first = forum.threads().start(as(mina), japan.id(), "Ferry log: one crossing a day",
                "Day 1: calm sea, grey sky, the gulls followed us out of the harbour.");
        List<Member> writers = List.of(kenji, sachiko, admin, mina);
        String[] notes = {"a ferry full of school trips", "fog until the breakwater", "the fast boat was cancelled, wind",
                "sunset over Tsushima", "bike space sold out by noon", "dolphins off the port side", "calm and quiet",
                "rain all the way, tea in the lounge"};
        List<Post> posts = new java.util.ArrayList<>(List.of(first));
        for (int day = 2; day <= 100; day++) {
            clock.advance(Duration.ofHours(7));
            Member w = writers.get(day % writers.size());
            posts.add(forum.posts().reply(as(w), first.threadId(), "Day " + day + ": " + notes[day % notes.length] + ".").post());
        }
        longThread = first.threadId();
        longPosts = List.copyOf(posts);
        forum.threads().start(as(kenji), cycling.id(), "Quiet roads around Karatsu",
                "Looking for a loop of about 60 km with little traffic. Ideas welcome.");
        forum.threads().pin(as(sachiko), ferry.threadId(), true);
        clock.advance(Duration.ofHours(2));
        clock.run();
    }

    static Actor as(Member m) {
        return Actor.member(m.id());
    }

    /** A clock that stands still while the community is written, then runs from there at the real pace. */
    static final class SettableClock extends Clock {
        private volatile Instant fixed;
        private volatile Duration offset = Duration.ZERO;

        SettableClock(Instant start) {
            this.fixed = start;
        }

        void advance(Duration d) {
            fixed = fixed.plus(d);
        }

        void run() {
            offset = Duration.between(Instant.now(), fixed);
            fixed = null;
        }

        @Override
        public Instant instant() {
            Instant f = fixed;
            return f != null ? f : Instant.now().plus(offset);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
