package dev.forumkit.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forumkit.core.Actor;
import dev.forumkit.core.Forum;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.event.ForumEvent;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.member.Registration;
import dev.forumkit.core.member.Role;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.thread.ForumThread;
import dev.forumkit.web.internal.PageCaching;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guest page cache drops exactly the pages a write may change: the written thread's and those showing an author
 * card the write changed, and keeps the others; a write it cannot describe empties it. No page read before a write is
 * served after the write was acknowledged, also with many readers and writers at once.
 */
class GuestPageCacheInvalidationTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "a long enough password 1";

    // --- every event kind, one by one (the decisions of docs/performance.md, "Guest page cache invalidated per thread")

    @Test
    void every_forum_event_kind_is_classified_and_the_unclassified_ones_empty_the_cache() {
        ThreadId t = ThreadId.of(7);
        MemberId m = MemberId.of(3);
        MemberId by = MemberId.of(4);
        MemberId other = MemberId.of(5);
        PostId p = PostId.of(11);
        Instant now = Instant.now();
        var board = dev.forumkit.core.board.BoardId.of(2);
        var board2 = dev.forumkit.core.board.BoardId.of(9);
        var conversation = dev.forumkit.core.conversation.ConversationId.of(1);
        var message = dev.forumkit.core.conversation.MessageId.of(1);
        Map<ForumEvent, PageCaching.Scope> expected = new java.util.LinkedHashMap<>();
        expected.put(new ForumEvent.PostCreated(p, t, 2, m, now, Set.of(other), Set.of(PostId.of(1))), scope(t, m));
        expected.put(new ForumEvent.PostEdited(p, t, by, now, Set.of(other), Set.of(PostId.of(1))), scope(t, null));
        expected.put(new ForumEvent.ThreadStarted(t, board, p, m, now), scope(t, m));
        expected.put(new ForumEvent.ThreadLockChanged(t, true, by, now), scope(t, null));
        expected.put(new ForumEvent.ThreadPinChanged(t, true, by, now), scope(t, null));
        expected.put(new ForumEvent.ReactionChanged(p, by, m, null, "like", now), scope(null, m));
        expected.put(new ForumEvent.MemberWarned(dev.forumkit.core.warning.WarningId.of(1), m, p, t, 1, by, now), scope(t, m));
        expected.put(new ForumEvent.MemberRegistered(m, now), scope(null, m));
        expected.put(new ForumEvent.MemberRoleChanged(m, Role.MODERATOR, by, now), scope(null, m));
        expected.put(new ForumEvent.MemberBanned(m, by, null, now), scope(null, m));
        expected.put(new ForumEvent.MemberUnbanned(m, by, now), scope(null, m));
        expected.put(new ForumEvent.PasswordChanged(m, now), scope(null, m));
        expected.put(new ForumEvent.PasswordResetRequested(m, now), scope(null, m));
        expected.put(new ForumEvent.EmailVerificationRequested(m, "a@example.org", now), scope(null, m));
        expected.put(new ForumEvent.EmailChangeRequested(m, "a@example.org", "b@example.org", now), scope(null, m));
        expected.put(new ForumEvent.EmailVerified(m, "a@example.org", now), scope(null, m));
        expected.put(new ForumEvent.EmailChanged(m, "a@example.org", "b@example.org", now), scope(null, m));
        PageCaching.Scope nothing = new PageCaching.Scope(Set.of(), Set.of());
        expected.put(new ForumEvent.ConversationStarted(conversation, message, m, Set.of(other), now), nothing);
        expected.put(new ForumEvent.ConversationReplied(conversation, message, m, now), nothing);
        expected.put(new ForumEvent.ConversationInvited(conversation, m, Set.of(other), now), nothing);
        expected.put(new ForumEvent.ConversationLeft(conversation, m, now), nothing);
        expected.put(new ForumEvent.WebhookDisabled(dev.forumkit.core.webhook.WebhookId.of(1), 5, now), nothing);
        // a reply hidden or shown: its thread, its author's card (message count, reaction score)
        expected.put(new ForumEvent.PostDeleted(p, t, by, now, m), scope(t, m));
        expected.put(new ForumEvent.PostRestored(p, t, by, now, m), scope(t, m));
        // everything: the event does not say whose message counts changed (all posters of a thread; a post's author in
        // a deletion stored before the event named it)
        expected.put(new ForumEvent.PostDeleted(p, t, by, now, null), null);
        expected.put(new ForumEvent.PostRestored(p, t, by, now, null), null);
        expected.put(new ForumEvent.ThreadDeleted(t, by, now), null);
        expected.put(new ForumEvent.ThreadRestored(t, by, now), null);
        expected.put(new ForumEvent.ThreadMoved(t, board, board2, by, now), null);
        expected.put(new ForumEvent.ReportClosed(dev.forumkit.core.report.ReportId.of(1),
                dev.forumkit.core.report.ReportStatus.RESOLVED, by, now), null);
        expected.forEach((event, scope) -> assertThat(GuestPageCache.affected(event)).as(event.getClass().getSimpleName())
                .isEqualTo(scope));
        // a kind added to ForumEvent must be decided here (and in the docs): until then it empties the cache
        assertThat(expected.keySet().stream().map(Object::getClass).distinct().count()).as("every kind of ForumEvent")
                .isEqualTo(ForumEvent.class.getPermittedSubclasses().length);
    }

    private static PageCaching.Scope scope(ThreadId t, MemberId m) {
        return new PageCaching.Scope(t == null ? Set.of() : Set.of(t.value()), m == null ? Set.of() : Set.of(m.value()));
    }

    // --- write routes and events against a real server

    /** Threads A (alice, with a reply by carol), B (bob: shares nobody with A), C (carol). */
    private record World(CachingServer running, Member alice, Member bob, Member carol, Member dave, ForumThread a,
                         ForumThread b, ForumThread c, Post aFirst, Post aByCarol) implements AutoCloseable {
        @Override
        public void close() {
            running.close();
        }

        static World start() throws Exception {
            CachingServer running = CachingServer.start();
            Forum forum = running.forum();
            Member alice = member(forum, "alice");
            Member bob = member(forum, "bob");
            Member carol = member(forum, "carol");
            Member dave = member(forum, "dave");
            Board board = forum.boards().boards().stream().filter(x -> x.title().equals("Cycling tours")).findFirst().orElseThrow();
            Post aFirst = forum.threads().start(Actor.member(alice.id()), board.id(), "Thread of alice", "Alice's opening post");
            Post bFirst = forum.threads().start(Actor.member(bob.id()), board.id(), "Thread of bob", "Bob's opening post");
            Post cFirst = forum.threads().start(Actor.member(carol.id()), board.id(), "Thread of carol", "Carol's opening post");
            Post aByCarol = forum.posts().reply(Actor.member(carol.id()), aFirst.threadId(), "Carol's reply to alice").post();
            forum.outbox().drain(); // the set-up's own events are through before the pages are cached
            return new World(running, alice, bob, carol, dave, thread(running, aFirst), thread(running, bFirst),
                    thread(running, cFirst), aFirst, aByCarol);
        }

        private static Member member(Forum forum, String name) {
            return forum.members().registerVerified(new Registration(name, name + "@example.org", PASSWORD));
        }

        private static ForumThread thread(CachingServer running, Post first) {
            return running.storage().threads().byId(first.threadId()).orElseThrow();
        }

        String json(ForumThread t) {
            return running.base() + "/api/v1/threads/" + t.id().value();
        }

        String html(ForumThread t) {
            return running.base() + "/threads/" + t.slug() + "." + t.id().value() + "/";
        }

        /** Every page of A, B and C (JSON and HTML) asked until it is served from the cache. */
        void warm() throws Exception {
            for (ForumThread t : List.of(a, b, c)) {
                for (String address : List.of(json(t), html(t))) {
                    boolean hit = false;
                    for (int i = 0; i < 50 && !hit; i++) {
                        hit = cached(address);
                    }
                    assertThat(hit).as("cached: " + address).isTrue();
                }
            }
        }

        /** Asserts which of A, B, C are dropped (next guest view not from the cache) and which are kept, JSON and HTML. */
        void expectDropped(boolean aDropped, boolean bDropped, boolean cDropped) throws Exception {
            Map<ForumThread, Boolean> expected = Map.of(a, aDropped, b, bDropped, c, cDropped);
            for (var e : expected.entrySet()) {
                for (String address : List.of(json(e.getKey()), html(e.getKey()))) {
                    assertThat(cached(address)).as((e.getValue() ? "dropped: " : "kept: ") + address).isEqualTo(!e.getValue());
                }
            }
        }

        Session signIn(Member m) throws Exception {
            return signIn(m.username(), PASSWORD);
        }

        /** The demo's admin. */
        Session signInAdmin() throws Exception {
            return signIn("admin", running.accounts().stream().filter(x -> x.username().equals("admin")).findFirst()
                    .orElseThrow().password());
        }

        Session signIn(String username, String password) throws Exception {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(running.base() + "/api/v1/session"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"login\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            return new Session(running.base(), r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0],
                    JSON.readTree(r.body()).findValue("csrf_token").asText());
        }
    }

    private record Session(String base, String cookie, String csrf) {
        HttpResponse<String> json(String method, String path, String body) throws Exception {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1" + path))
                    .header("Content-Type", "application/json").header("Cookie", cookie).header("X-CSRF-Token", csrf)
                    .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isBetween(200, 201);
            return r;
        }

        HttpResponse<String> form(String path, Map<String, String> fields) throws Exception {
            StringBuilder sb = new StringBuilder("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
            fields.forEach((k, v) -> sb.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                    .POST(HttpRequest.BodyPublishers.ofString(sb.toString())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("POST " + path + ": " + r.body()).isEqualTo(303);
            return r;
        }
    }

    @Test
    void a_reply_drops_its_threads_pages_and_those_showing_its_author_and_keeps_the_others() throws Exception {
        try (World w = World.start()) {
            Session carol = w.signIn(w.carol);
            w.warm();
            carol.json("POST", "/threads/" + w.a.id().value() + "/posts", "{\"body\":\"carol replies by JSON\"}");
            w.expectDropped(true, false, true); // C shows carol's card, whose message count went up
            assertThat(get(w.json(w.a)).body()).contains("carol replies by JSON");

            w.running.forum().outbox().drain(); // the reply's own events change nothing more
            w.warm();
            carol.form("/threads/" + w.a.slug() + "." + w.a.id().value() + "/reply", Map.of("body", "carol replies by the form"));
            w.expectDropped(true, false, true);
            assertThat(get(w.html(w.a)).body()).contains("carol replies by the form");
        }
    }

    @Test
    void a_reaction_drops_the_pages_showing_the_receiver_and_keeps_the_others() throws Exception {
        try (World w = World.start()) {
            Session dave = w.signIn(w.dave);
            w.warm();
            dave.json("PUT", "/posts/" + w.aFirst.id().value() + "/reaction", "{\"type\":\"like\"}");
            w.expectDropped(true, false, false); // alice is on A only
            w.running.forum().outbox().drain();
            w.warm();
            dave.form("/posts/" + w.aByCarol.id().value() + "/react", Map.of("type", "like"));
            w.expectDropped(true, false, true); // carol's reaction score is on A and C
            w.running.forum().outbox().drain();
            w.warm();
            dave.json("DELETE", "/posts/" + w.aFirst.id().value() + "/reaction", "");
            w.expectDropped(true, false, false);
        }
    }

    @Test
    void an_edit_drops_its_threads_pages_only() throws Exception {
        try (World w = World.start()) {
            Session carol = w.signIn(w.carol);
            w.warm();
            carol.json("PATCH", "/posts/" + w.aByCarol.id().value(), "{\"body\":\"carol edited by JSON\"}");
            w.expectDropped(true, false, false); // an edit changes no author card: C stays
            assertThat(get(w.json(w.a)).body()).contains("carol edited by JSON");
            w.running.forum().outbox().drain();
            w.warm();
            carol.form("/posts/" + w.aByCarol.id().value() + "/edit", Map.of("body", "carol edited by the form"));
            w.expectDropped(true, false, false);
            assertThat(get(w.html(w.a)).body()).contains("carol edited by the form");
        }
    }

    @Test
    void deleting_or_restoring_a_reply_drops_its_threads_pages_and_those_showing_its_author() throws Exception {
        try (World w = World.start()) {
            Session staff = w.signInAdmin();
            Actor admin = Actor.member(w.running.storage().members().byUsername("admin").orElseThrow().id());
            w.warm();
            staff.json("DELETE", "/posts/" + w.aByCarol.id().value(), "{\"reason\":\"off topic\"}");
            w.expectDropped(true, false, true); // carol's message count is on A and C; B shares nobody
            assertThat(get(w.json(w.a)).body()).doesNotContain("Carol's reply to alice");
            w.running.forum().outbox().drain(); // PostDeleted, now naming the author, drops the same again
            w.warm();
            staff.form("/posts/" + w.aByCarol.id().value() + "/restore", Map.of());
            w.expectDropped(true, false, true);
            assertThat(get(w.html(w.a)).body()).contains("Carol&#39;s reply to alice");
            w.running.forum().outbox().drain();
            w.warm();
            staff.form("/posts/" + w.aByCarol.id().value() + "/delete", Map.of("reason", "again"));
            w.expectDropped(true, false, true);
            w.running.forum().outbox().drain();
            // without a request (another node's write, or the API of an embedding app): the event alone
            w.warm();
            w.running.forum().posts().restore(admin, w.aByCarol.id());
            w.running.forum().outbox().drain();
            w.expectDropped(true, false, true);
            assertThat(get(w.json(w.a)).body()).contains("Carol's reply to alice");
        }
    }

    @Test
    void locking_and_pinning_drop_the_threads_pages_only() throws Exception {
        try (World w = World.start()) {
            Session staff = w.signInAdmin();
            for (String action : List.of("lock", "unlock", "pin", "unpin")) {
                w.warm();
                staff.json("POST", "/threads/" + w.a.id().value() + "/" + action, "");
                w.expectDropped(true, false, false);
                w.running.forum().outbox().drain();
            }
        }
    }

    @Test
    void events_without_a_request_drop_what_they_name_once_delivered() throws Exception {
        try (World w = World.start()) {
            Forum forum = w.running.forum();
            Actor admin = Actor.member(w.running.storage().members().byUsername("admin").orElseThrow().id());
            w.warm();
            forum.threads().lock(admin, w.a.id(), true); // ThreadLockChanged
            forum.outbox().drain();
            w.expectDropped(true, false, false);
            forum.threads().lock(admin, w.a.id(), false);
            forum.outbox().drain();
            w.warm();
            forum.threads().pin(admin, w.c.id(), true); // ThreadPinChanged
            forum.outbox().drain();
            w.expectDropped(false, false, true);
            w.warm();
            forum.posts().reply(Actor.member(w.bob.id()), w.b.id(), "bob answers himself"); // PostCreated
            forum.outbox().drain();
            w.expectDropped(false, true, false);
            w.warm();
            forum.posts().edit(Actor.member(w.alice.id()), w.aFirst.id(), "alice edits"); // PostEdited
            forum.outbox().drain();
            w.expectDropped(true, false, false);
            w.warm();
            forum.reactions().react(Actor.member(w.dave.id()), w.aByCarol.id(), "like"); // ReactionChanged: carol
            forum.outbox().drain();
            w.expectDropped(true, false, true);
            w.warm();
            forum.threads().start(Actor.member(w.alice.id()), w.a.boardId(), "Another of alice", "more"); // ThreadStarted
            forum.outbox().drain();
            w.expectDropped(true, false, false);
            w.warm();
            forum.members().changeRole(admin, w.bob.id(), Role.MODERATOR); // MemberRoleChanged
            forum.outbox().drain();
            w.expectDropped(false, true, false);
            w.warm();
            forum.members().ban(admin, w.alice.id(), "cooling off", Instant.now().plus(Duration.ofHours(1))); // MemberBanned
            forum.outbox().drain();
            assertThat(get(w.json(w.a)).body()).contains("\"is_banned\":true");
            w.expectDropped(true, false, false); // and a page showing a banned author is not stored
            forum.members().unban(admin, w.alice.id()); // MemberUnbanned
            forum.outbox().drain();
            w.warm();
            forum.members().changeRole(admin, w.bob.id(), Role.MEMBER);
            forum.outbox().drain();
            w.expectDropped(false, true, false);
            w.warm();
            var japan = forum.boards().boards().stream().filter(x -> x.title().equals("Japan and Korea")).findFirst().orElseThrow();
            forum.threads().move(admin, w.c.id(), japan.id()); // ThreadMoved, not classified: everything
            forum.outbox().drain();
            w.expectDropped(true, true, true);
        }
    }

    @Test
    void a_write_that_names_nothing_empties_the_cache_as_before() throws Exception {
        try (World w = World.start()) {
            Session staff = w.signInAdmin();
            w.warm();
            // a board's title is on every thread page of it and raises no event: the request empties the cache
            staff.json("PATCH", "/boards/" + w.a.boardId().value(), "{\"title\":\"Cycling tours and more\",\"description\":\"\"}");
            w.expectDropped(true, true, true);
            assertThat(get(w.json(w.b)).body()).contains("Cycling tours and more");
        }
    }

    // --- the race: no served page is older than the last acknowledged write of its thread or of an author on it

    @Test
    void many_readers_and_writers_never_see_a_page_older_than_an_acknowledged_write() throws Exception {
        try (World w = World.start()) {
            Forum forum = w.running.forum();
            Board board = forum.boards().boards().stream().filter(x -> x.title().equals("Cycling tours")).findFirst().orElseThrow();
            int threads = 6;
            List<Member> writers = new ArrayList<>();
            List<ForumThread> pages = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Member m = forum.members().registerVerified(new Registration("writer" + i, "writer" + i + "@example.org", PASSWORD));
                writers.add(m);
                Post first = forum.threads().start(Actor.member(m.id()), board.id(), "Race " + i, "opening " + i);
                pages.add(w.running.storage().threads().byId(first.threadId()).orElseThrow());
            }
            forum.outbox().drain();
            // acknowledged so far: reply markers per thread, replies per writer (each writer's count on any card of them)
            Map<Long, Set<String>> acked = new ConcurrentHashMap<>();
            Map<Long, AtomicInteger> written = new ConcurrentHashMap<>();
            pages.forEach(t -> acked.put(t.id().value(), ConcurrentHashMap.newKeySet()));
            writers.forEach(m -> written.put(m.id().value(), new AtomicInteger(1)));
            AtomicBoolean done = new AtomicBoolean();
            List<String> stale = new CopyOnWriteArrayList<>();
            AtomicInteger hits = new AtomicInteger();
            List<Thread> readers = new ArrayList<>();
            for (int r = 0; r < 6; r++) {
                int seed = r;
                readers.add(new Thread(() -> {
                    java.util.Random random = new java.util.Random(seed);
                    try {
                        while (!done.get()) {
                            ForumThread t = pages.get(random.nextInt(pages.size()));
                            Set<String> before = Set.copyOf(acked.get(t.id().value()));
                            Map<Long, Integer> counts = new java.util.HashMap<>();
                            written.forEach((id, n) -> counts.put(id, n.get()));
                            HttpResponse<String> page = get(w.json(t));
                            if (page.headers().firstValue("X-Forum-Cache").isPresent()) {
                                hits.incrementAndGet();
                            }
                            for (String marker : before) {
                                if (!page.body().contains(marker)) {
                                    stale.add(marker + " missing from " + t.id().value());
                                }
                            }
                            for (JsonNode post : JSON.readTree(page.body()).path("posts")) {
                                long author = post.path("author").path("id").asLong();
                                Integer atLeast = counts.get(author);
                                if (atLeast != null && post.path("author").path("message_count").asInt() < atLeast) {
                                    stale.add("member " + author + " shown with " + post.path("author").path("message_count").asInt()
                                            + " messages, at least " + atLeast + " acknowledged, on " + t.id().value());
                                }
                            }
                        }
                    } catch (Exception e) {
                        stale.add(e.toString());
                    }
                }));
            }
            List<Thread> writerThreads = new ArrayList<>();
            for (int i = 0; i < writers.size(); i++) {
                Member m = writers.get(i);
                int index = i;
                writerThreads.add(new Thread(() -> {
                    java.util.Random random = new java.util.Random(100 + index);
                    try {
                        Session s = w.signIn(m);
                        for (int n = 0; n < 8; n++) { // each thread stays on one page (6 x 8 replies + 6 openings < 20 x 6)
                            ForumThread t = pages.get(random.nextInt(pages.size()));
                            String marker = "race-" + index + "-" + n;
                            s.json("POST", "/threads/" + t.id().value() + "/posts", "{\"body\":\"" + marker + "\"}");
                            // acknowledged: from now on every guest view must show it, and the writer's new count
                            written.get(m.id().value()).incrementAndGet();
                            acked.get(t.id().value()).add(marker);
                            Thread.sleep(random.nextInt(30));
                        }
                    } catch (Exception e) {
                        stale.add(e.toString());
                    }
                }));
            }
            readers.forEach(Thread::start);
            Thread.sleep(300); // pages cached before the writes begin
            writerThreads.forEach(Thread::start);
            for (Thread t : writerThreads) {
                t.join(120_000);
            }
            done.set(true);
            for (Thread t : readers) {
                t.join(30_000);
            }
            assertThat(stale).isEmpty();
            assertThat(hits.get()).as("the readers were served from the cache too").isPositive();
        }
    }

    // --- helpers

    private static boolean cached(String address) throws Exception {
        HttpResponse<String> r = get(address);
        assertThat(r.statusCode()).as(address).isEqualTo(200);
        return r.headers().firstValue("X-Forum-Cache").isPresent();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
