package dev.forumkit.app;

import dev.forumkit.core.Forum;
import dev.forumkit.core.member.Pbkdf2PasswordHasher;
import dev.forumkit.core.memory.InMemoryForumStorage;
import dev.forumkit.core.signal.LocalSignals;
import dev.forumkit.core.signal.Signal;
import dev.forumkit.core.signal.SignalListener;
import dev.forumkit.core.signal.Signals;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Guests get repeated thread pages from memory, and never a page made before a write. */
class GuestPageCacheTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void thread_pages_have_a_content_type_javalin_compresses_without_scanning_it() throws Exception {
        // ForumServer.COMPRESSED_TYPES spares every JSON and HTML response Javalin's scan of its content type for
        // excluded types (1 us a JSON response, docs/performance.md, task hitcost): the types must be the ones sent
        try (CachingServer running = CachingServer.start()) {
            List<Long> threads = new java.util.ArrayList<>();
            running.storage().threads().forEach(t -> threads.add(t.id().value()));
            HttpClient follow = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
            for (String path : List.of("/api/v1/threads/" + threads.get(0), "/threads/t." + threads.get(0) + "/")) {
                HttpResponse<String> page = follow.send(HttpRequest.newBuilder(URI.create(running.base() + path))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).as(path).isEqualTo(200);
                assertThat(ForumServer.COMPRESSED_TYPES).as(path)
                        .contains(page.headers().firstValue("Content-Type").orElseThrow());
            }
        }
    }

    @Test
    void a_reply_is_on_the_next_guest_view_and_members_are_never_served_from_the_cache() throws Exception {
        try (CachingServer running = CachingServer.start()) {
            InMemoryForumStorage storage = running.storage();
            List<DemoData.Account> accounts = running.accounts();
            String base = running.base();
            List<Long> threads = new java.util.ArrayList<>();
            storage.threads().forEach(t -> threads.add(t.id().value()));
            assertThat(threads).as("demo threads").isNotEmpty();
            String thread = base + "/api/v1/threads/" + threads.get(0);
            HttpResponse<String> first = get(thread, null);
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.headers().firstValue("X-Forum-Cache")).isEmpty();
            // the demo data's own events may still empty the cache while the outbox works through them (a loaded
            // machine): ask again until a hit, which must be the very page the miss before it made
            HttpResponse<String> second = get(thread, null);
            for (int i = 0; i < 50 && second.headers().firstValue("X-Forum-Cache").isEmpty(); i++) {
                Thread.sleep(20);
                first = second;
                second = get(thread, null);
            }
            assertThat(second.headers().firstValue("X-Forum-Cache")).contains("hit");
            assertThat(second.body()).isEqualTo(first.body());
            assertThat(second.headers().firstValue("Content-Type")).isEqualTo(first.headers().firstValue("Content-Type"));

            DemoData.Account a = accounts.get(0);
            HttpResponse<String> signIn = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/session"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"login\":\"" + a.username() + "\",\"password\":\"" + a.password() + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(signIn.statusCode()).isEqualTo(200);
            String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            String csrf = signIn.body().replaceAll(".*\"csrf_token\":\"([^\"]+)\".*", "$1");
            assertThat(get(thread, cookie).headers().firstValue("X-Forum-Cache")).as("members bypass the cache").isEmpty();

            HttpResponse<String> reply = HTTP.send(HttpRequest.newBuilder(URI.create(thread + "/posts"))
                    .header("Content-Type", "application/json").header("Cookie", cookie).header("X-CSRF-Token", csrf)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"body\":\"a reply the cache must not hide\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(reply.statusCode()).isBetween(200, 201);
            HttpResponse<String> after = get(thread, null);
            assertThat(after.headers().firstValue("X-Forum-Cache")).isEmpty();
            assertThat(after.body()).contains("a reply the cache must not hide");
        }
    }

    @Test
    void a_page_showing_a_banned_author_is_never_stored_as_the_ban_ends_without_a_write() throws Exception {
        try (CachingServer running = CachingServer.start()) {
            List<dev.forumkit.core.thread.ForumThread> threads = new java.util.ArrayList<>();
            running.storage().threads().forEach(threads::add);
            var thread = threads.stream().filter(t -> running.storage().members().byId(t.starterId()).orElseThrow().role()
                    == dev.forumkit.core.member.Role.MEMBER).findFirst().orElseThrow(); // an admin may ban a member
            String address = running.base() + "/api/v1/threads/" + thread.id().value();
            var admin = running.storage().members().byUsername("admin").orElseThrow();
            var starter = running.storage().members().byId(thread.starterId()).orElseThrow();
            running.forum().members().ban(dev.forumkit.core.Actor.member(admin.id()), starter.id(), "cooling off",
                    java.time.Instant.now().plus(Duration.ofHours(1)));
            for (int i = 0; i < 20; i++) { // the demo data's events and the ban's own may empty the cache meanwhile: ask often
                HttpResponse<String> page = get(address, null);
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.body()).contains("\"is_banned\":true");
                assertThat(page.headers().firstValue("X-Forum-Cache")).as("a page with a banned author is not kept").isEmpty();
                HttpResponse<String> html = get(html(running, thread), null);
                assertThat(html.statusCode()).isEqualTo(200);
                assertThat(html.headers().firstValue("X-Forum-Cache")).as("nor its HTML page").isEmpty();
                Thread.sleep(10);
            }
            running.forum().members().unban(dev.forumkit.core.Actor.member(admin.id()), starter.id());
            // the unban's event drops the member's pages when the outbox delivers it: deliver it now, so that a page
            // kept below is not dropped by it a moment later (on a loaded machine the outbox may take a second)
            running.forum().outbox().drain();
            for (String page : List.of(address, html(running, thread))) { // without the ban the page is kept again
                boolean hit = false;
                for (int i = 0; i < 50 && !hit; i++) {
                    Thread.sleep(20);
                    hit = get(page, null).headers().firstValue("X-Forum-Cache").isPresent();
                }
                assertThat(hit).as("%s kept once the ban is lifted", page).isTrue();
            }
        }
    }

    private static String html(CachingServer running, dev.forumkit.core.thread.ForumThread thread) {
        return running.base() + "/threads/" + thread.slug() + "." + thread.id().value() + "/";
    }

    @Test
    void a_guest_page_is_cached_per_language_so_nobody_gets_another_readers_language() throws Exception {
        try (CachingServer running = CachingServer.start()) {
            InMemoryForumStorage storage = running.storage();
            String base = running.base();
            List<String> pages = new java.util.ArrayList<>();
            storage.threads().forEach(t -> pages.add("/threads/" + t.slug() + "." + t.id().value() + "/"));
            String address = base + pages.get(0);
            // the demo data's own events may still empty the cache while the outbox works through them: ask until a hit
            boolean hit = false;
            for (int i = 0; i < 50 && !hit; i++) {
                HttpResponse<String> ja = HTTP.send(HttpRequest.newBuilder(URI.create(address)).header("Accept-Language", "ja")
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(ja.body()).contains("<html lang=\"ja\">");
                hit = ja.headers().firstValue("X-Forum-Cache").isPresent();
            }
            assertThat(hit).as("the Japanese page is served from the cache").isTrue();
            HttpResponse<String> en = HTTP.send(HttpRequest.newBuilder(URI.create(address)).header("Accept-Language", "en")
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(en.body()).contains("<html lang=\"en\">");
        }
    }

    @Test
    void a_browser_gets_the_stored_gzip_bytes_and_a_client_without_gzip_the_same_page_and_neither_a_stale_one() throws Exception {
        try (CachingServer running = CachingServer.start()) {
            InMemoryForumStorage storage = running.storage();
            List<DemoData.Account> accounts = running.accounts();
            String base = running.base();
            List<String> addresses = new java.util.ArrayList<>();
            storage.threads().forEach(t -> {
                addresses.add(base + "/api/v1/threads/" + t.id().value());
                addresses.add(base + "/threads/" + t.slug() + "." + t.id().value() + "/");
            });
            running.forum().outbox().drain(); // the demo data's own events are through: none can empty the cache below
            for (String address : addresses.subList(0, 2)) { // a JSON page and an HTML page
                HttpResponse<byte[]> zipped = gzipGet(address);
                HttpResponse<String> plain = get(address, null);
                // the demo data's own events may still empty the cache while the outbox works through them (also between
                // the two requests, on a loaded machine): ask until both are hits
                for (int i = 0; i < 50 && (zipped.headers().firstValue("X-Forum-Cache").isEmpty()
                        || plain.headers().firstValue("X-Forum-Cache").isEmpty()); i++) {
                    Thread.sleep(20);
                    zipped = gzipGet(address);
                    plain = get(address, null);
                }
                assertThat(zipped.headers().firstValue("X-Forum-Cache")).as(address).contains("hit");
                assertThat(zipped.headers().firstValue("Content-Encoding")).contains("gzip");
                assertThat(zipped.headers().firstValue("Vary").orElse("")).contains("Accept-Encoding");
                assertThat(plain.headers().firstValue("X-Forum-Cache")).contains("hit");
                assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
                assertThat(plain.headers().firstValue("Vary").orElse("")).contains("Accept-Encoding");
                assertThat(plain.headers().firstValue("Content-Type")).isEqualTo(zipped.headers().firstValue("Content-Type"));
                assertThat(gunzip(zipped.body())).isEqualTo(plain.body());
                HttpResponse<String> again = get(address, null); // from the uncompressed copy kept for a hot page
                assertThat(again.headers().firstValue("X-Forum-Cache")).contains("hit");
                assertThat(again.body()).isEqualTo(plain.body());
            }

            // a page the cache does not keep is still gzipped for a browser (by Javalin, at the level ForumServer sets)
            HttpResponse<byte[]> index = gzipGet(base + "/");
            assertThat(index.headers().firstValue("X-Forum-Cache")).isEmpty();
            assertThat(index.headers().firstValue("Content-Encoding")).contains("gzip");
            assertThat(gunzip(index.body())).contains("<html");

            // a reply to the thread: neither its gzip nor its plain copy is served after it
            DemoData.Account a = accounts.get(0);
            HttpResponse<String> signIn = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/session"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"login\":\"" + a.username() + "\",\"password\":\"" + a.password() + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            String csrf = signIn.body().replaceAll(".*\"csrf_token\":\"([^\"]+)\".*", "$1");
            HttpResponse<String> reply = HTTP.send(HttpRequest.newBuilder(URI.create(addresses.get(0) + "/posts"))
                    .header("Content-Type", "application/json").header("Cookie", cookie).header("X-CSRF-Token", csrf)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"body\":\"a reply no gzip copy may hide\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(reply.statusCode()).isBetween(200, 201);
            for (String address : addresses.subList(0, 2)) {
                HttpResponse<byte[]> after = gzipGet(address);
                assertThat(after.headers().firstValue("X-Forum-Cache")).as(address).isEmpty();
                assertThat(gunzip(after.body())).contains("a reply no gzip copy may hide");
                HttpResponse<String> plainAfter = get(address, null);
                assertThat(plainAfter.body()).as("nor the uncompressed copy").contains("a reply no gzip copy may hide");
                assertThat(get(address, null).body()).contains("a reply no gzip copy may hide");
            }
        }
    }

    private static HttpResponse<byte[]> gzipGet(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Encoding", "gzip, deflate, br").build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String gunzip(byte[] body) throws Exception {
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** The bus of a node whose connection to the others can be cut, as a PostgreSQL restart would. */
    private static final class CuttableSignals implements Signals {
        private final LocalSignals bus = new LocalSignals();
        private final List<SignalListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
        private volatile boolean live = true;

        void cut() {
            live = false;
            listeners.forEach(SignalListener::missed);
        }

        void reconnect() {
            live = true;
            listeners.forEach(SignalListener::missed);
        }

        @Override
        public void publish(Signal signal) {
            bus.publish(signal);
        }

        @Override
        public AutoCloseable listen(SignalListener listener) {
            listeners.add(listener);
            AutoCloseable inner = bus.listen(listener);
            return () -> {
                listeners.remove(listener);
                inner.close();
            };
        }

        @Override
        public boolean live() {
            return live;
        }

        @Override
        public void close() {
            bus.close();
        }
    }

    @Test
    void a_node_whose_bus_missed_signals_empties_its_cache_and_serves_nothing_from_it_until_it_listens_again() throws Exception {
        InMemoryForumStorage storage = new InMemoryForumStorage();
        CuttableSignals signals = new CuttableSignals();
        Forum forum = Forum.create(storage, c -> c.passwordHasher(new Pbkdf2PasswordHasher(1_000)).viewFlushInterval(Duration.ZERO)
                .signals(signals));
        Settings settings = new Settings("127.0.0.1", 0, Path.of("unused"), null, null, null, null, null, null, null,
                false, false, false, true);
        try (signals; ForumServer server = new ForumServer(settings, storage, forum)) {
            new DemoData(forum, storage).seedIfEmpty();
            String base = "http://127.0.0.1:" + server.start();
            List<Long> threads = new java.util.ArrayList<>();
            storage.threads().forEach(t -> threads.add(t.id().value()));
            String thread = base + "/api/v1/threads/" + threads.get(0);
            boolean hit = false; // the demo data's events may still empty the cache for a while: ask until a hit
            for (int i = 0; i < 50 && !hit; i++) {
                hit = get(thread, null).headers().firstValue("X-Forum-Cache").isPresent();
            }
            assertThat(hit).as("served from the cache once the demo's events are through").isTrue();

            signals.cut();
            assertThat(get(thread, null).headers().firstValue("X-Forum-Cache")).as("cut off: not served from memory").isEmpty();
            assertThat(get(thread, null).headers().firstValue("X-Forum-Cache")).as("cut off: not stored either").isEmpty();

            signals.reconnect();
            assertThat(get(thread, null).headers().firstValue("X-Forum-Cache")).as("emptied on the loss").isEmpty();
            boolean again = false; // background events (the demo's, the bus's own) may empty it once more: ask a while
            for (int i = 0; i < 50 && !again; i++) {
                again = get(thread, null).headers().firstValue("X-Forum-Cache").isPresent();
            }
            assertThat(again).as("caching again").isTrue();
        }
    }

    private static HttpResponse<String> get(String url, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
