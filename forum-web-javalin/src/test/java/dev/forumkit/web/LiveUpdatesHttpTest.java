package dev.forumkit.web;

import dev.forumkit.core.Forum;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.group.Group;
import dev.forumkit.core.group.GroupId;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.policy.Grant;
import dev.forumkit.core.policy.GrantValue;
import dev.forumkit.core.policy.Permission;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.memory.InMemoryForumStorage;
import dev.forumkit.testkit.EventStreamClient;
import dev.forumkit.testkit.WriteCountingStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live updates on a real server, read on the wire by a raw SSE client on loopback: a reply reaches a thread's
 * stream as ids only; a private board's streams are 404 to whoever may not see it and an event is checked again as
 * the viewer; the connection limit answers 503; idle streams are closed; a guest's subscription writes nothing.
 */
class LiveUpdatesHttpTest {
    @RegisterExtension
    static final Fixture f = Fixture.perClass();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static EventStreamClient stream(TestServer server, String path, Client as) {
        Map<String, String> headers = as == null || as.sessionCookie == null ? Map.of()
                : Map.of("Cookie", "forumkit_session=" + as.sessionCookie);
        return EventStreamClient.open(URI.create(server.base + path), headers);
    }

    /** The next event about the post (earlier tests' events may still be on their way), or null. */
    private static EventStreamClient.Event about(EventStreamClient s, long postId, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        for (long left = timeout.toNanos(); left > 0; left = end - System.nanoTime()) {
            EventStreamClient.Event e = s.next("reply", Duration.ofNanos(left));
            if (e != null && e.data().contains("\"post_id\":" + postId + ",")) {
                return e;
            }
        }
        return null;
    }

    private static void awaitOpen(EventStreamClient s) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!s.comments().contains("open") && System.nanoTime() < end) {
            Thread.onSpinWait();
        }
        assertThat(s.comments()).as("the server's first comment").contains("open");
    }

    @Test
    void a_guest_on_a_thread_hears_of_a_reply_as_ids_and_fetches_the_post_through_the_page() {
        try (EventStreamClient s = stream(f.server, "/api/v1/threads/" + f.threadId() + "/live", null)) {
            assertThat(s.status()).isEqualTo(200);
            assertThat(s.header("Content-Type")).startsWith("text/event-stream");
            awaitOpen(s);
            Client mia = f.signedIn(f.mia);
            Client.Response posted = mia.post("/api/v1/threads/" + f.threadId() + "/posts", "{\"body\":\"Sakura forecast: April 2\"}");
            assertThat(posted.status()).isEqualTo(201);
            long postId = posted.json().path("post").path("id").asLong();
            EventStreamClient.Event e = about(s, postId, WAIT);
            assertThat(e).as("a reply event").isNotNull();
            assertThat(e.data()).contains("\"post_id\":" + postId).contains("\"thread_id\":" + f.threadId())
                    .doesNotContain("Sakura"); // ids only: the content comes through the permission-checked page
            int page = Integer.parseInt(e.data().replaceAll(".*\"page\":(\\d+).*", "$1"));
            String slug = f.forum.reading().thread(dev.forumkit.core.Actor.guest(), f.opening.threadId()).thread().slug();
            String html = f.guest().get("/threads/" + slug + "." + f.threadId() + "/" + (page > 1 ? "page-" + page : "")).body();
            assertThat(html).contains("id=\"post-" + postId + "\"").contains("Sakura forecast");
        }
    }

    @Test
    void a_board_stream_hears_new_threads_and_a_member_hears_their_alert_count() {
        Member rin = f.member("rin");
        Client asRin = f.signedIn(rin);
        try (EventStreamClient board = stream(f.server, "/api/v1/boards/" + f.board.id().value() + "/live", null);
             EventStreamClient alerts = stream(f.server, "/api/v1/me/live", asRin)) {
            awaitOpen(board);
            awaitOpen(alerts);
            EventStreamClient.Event first = alerts.next("alerts", WAIT);
            assertThat(first).as("the count when the stream opened").isNotNull();
            assertThat(first.data()).isEqualTo("{\"unread\":0}");
            Post started = f.forum.threads().start(Fixture.as(f.pat), f.board.id(), "Hanami spots", "Where to sit?");
            EventStreamClient.Event t = board.next("thread", WAIT);
            while (t != null && !t.data().contains("\"thread_id\":" + started.threadId().value() + "}")) {
                t = board.next("thread", WAIT);
            }
            assertThat(t).isNotNull();
            Post rins = f.forum.posts().reply(Fixture.as(rin), started.threadId(), "By the river").post();
            f.forum.reactions().react(Fixture.as(f.pat), rins.id(), "like");
            f.forum.outbox().drain(); // the alerts consumer writes the alert; the stream's next look counts it
            EventStreamClient.Event a = alerts.next("alerts", WAIT);
            assertThat(a).as("the reaction's alert, counted").isNotNull();
            assertThat(a.data()).isEqualTo("{\"unread\":1}");
        }
    }

    @Test
    void a_private_boards_streams_are_404_to_outsiders_and_every_event_is_checked_again_as_the_viewer() {
        var admin = Fixture.as(f.admin);
        Member insider = f.member("insider");
        Member outsider = f.member("outsider");
        Group insiders = f.forum.groups().create(admin, "Live insiders", "Insider", 1);
        f.forum.groups().place(admin, insider.id(), insiders.id(), Set.of());
        Board secret = f.forum.boards().createBoard(admin, f.category.id(), "Quiet room", "", "");
        for (GroupId g : List.of(GroupId.GUESTS, GroupId.MEMBERS)) {
            f.forum.permissions().set(admin, new Grant(Grant.Subject.group(g), Grant.Scope.board(secret.id()),
                    Permission.VIEW_BOARD, GrantValue.DENY));
        }
        Grant allow = new Grant(Grant.Subject.group(insiders.id()), Grant.Scope.board(secret.id()), Permission.VIEW_BOARD,
                GrantValue.ALLOW);
        f.forum.permissions().set(admin, allow);
        Post hidden = f.forum.threads().start(Fixture.as(insider), secret.id(), "Quiet plans", "Shh");
        long thread = hidden.threadId().value();
        Client out = f.signedIn(outsider);
        for (String path : List.of("/api/v1/threads/" + thread + "/live", "/api/v1/boards/" + secret.id().value() + "/live")) {
            try (EventStreamClient s = stream(f.server, path, out)) {
                assertThat(s.status()).as(path).isEqualTo(404);
                assertThat(s.body()).doesNotContain("Quiet");
            }
            try (EventStreamClient s = stream(f.server, path, null)) {
                assertThat(s.status()).as(path + " as a guest").isEqualTo(404);
            }
        }
        try (EventStreamClient in = stream(f.server, "/api/v1/threads/" + thread + "/live", f.signedIn(insider))) {
            awaitOpen(in);
            Post seen = f.forum.posts().reply(Fixture.as(insider), hidden.threadId(), "Seen by insiders").post();
            assertThat(about(in, seen.id().value(), WAIT)).as("the insider may see it").isNotNull();
            // the insider's group loses the board while the stream is open: the next reply is not for them
            f.forum.permissions().set(admin, new Grant(allow.subject(), allow.scope(), Permission.VIEW_BOARD, GrantValue.DENY));
            Post unseen = f.forum.posts().reply(Fixture.as(f.admin), hidden.threadId(), "After the change").post();
            assertThat(about(in, unseen.id().value(), Duration.ofSeconds(3))).as("nothing about post " + unseen.id()).isNull();
        }
    }

    @Test
    void asked_for_as_json_a_stream_answers_406_after_the_same_checks() {
        Client.Response r = f.guest().get("/api/v1/threads/" + f.threadId() + "/live");
        assertThat(r.status()).isEqualTo(406);
        assertThat(r.errorCode()).isEqualTo("not_acceptable");
        assertThat(f.guest().get("/api/v1/threads/999999/live").status()).isEqualTo(404);
        assertThat(f.guest().get("/api/v1/me/live").status()).isEqualTo(401);
    }

    @Test
    void connections_are_bounded_per_node_and_idle_or_gone_ones_are_closed() {
        try (TestServer server = TestServer.start(c -> c.live(l -> l.maxConnections(2).heartbeat(Duration.ofMillis(200))
                .idleTimeout(Duration.ofMillis(1_500))))) {
            Fixture small = new Fixture(server);
            String path = "/api/v1/threads/" + small.threadId() + "/live";
            EventStreamClient one = stream(server, path, null);
            EventStreamClient two = stream(server, path, null);
            awaitOpen(one);
            awaitOpen(two);
            try (EventStreamClient three = stream(server, path, null)) {
                assertThat(three.status()).isEqualTo(503);
                assertThat(three.header("Retry-After")).isNotNull();
            }
            assertThat(server.plugin.live().open()).isEqualTo(2);
            assertThat(server.plugin.live().refused()).isEqualTo(1);
            one.close(); // gone: a heartbeat finds it (or the idle timeout closes it)
            long end = System.nanoTime() + WAIT.toNanos();
            while (server.plugin.live().open() > 1 && System.nanoTime() < end) {
                Thread.onSpinWait();
            }
            assertThat(server.plugin.live().open()).isLessThanOrEqualTo(1);
            try (EventStreamClient again = stream(server, path, null)) {
                assertThat(again.status()).as("a place was freed").isEqualTo(200);
                awaitOpen(again);
                end = System.nanoTime() + WAIT.toNanos();
                while (!two.ended() && System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
                assertThat(two.ended()).as("an idle stream is closed").isTrue();
                assertThat(two.comments()).as("heartbeats while it was open").contains("ping");
            } finally {
                two.close();
            }
        }
    }

    @Test
    void a_guests_subscription_writes_nothing() {
        WriteCountingStorage counting = new WriteCountingStorage(new InMemoryForumStorage());
        Forum forum = Forum.create(counting, c -> c.passwordHasher(new dev.forumkit.core.member.Pbkdf2PasswordHasher(1_000))
                .viewFlushInterval(Duration.ZERO));
        try (TestServer server = TestServer.start(forum, c -> { })) {
            Fixture world = new Fixture(server);
            forum.outbox().drain();
            long before = counting.writeTransactions();
            try (EventStreamClient thread = stream(server, "/api/v1/threads/" + world.threadId() + "/live", null);
                 EventStreamClient board = stream(server, "/api/v1/boards/" + world.board.id().value() + "/live", null)) {
                awaitOpen(thread);
                awaitOpen(board);
            }
            assertThat(counting.writeTransactions()).isEqualTo(before);
        }
    }
}
