package dev.forumkit.web;

import dev.forumkit.core.Actor;
import dev.forumkit.core.Forum;
import dev.forumkit.core.member.PasswordHasher;
import dev.forumkit.core.member.Pbkdf2PasswordHasher;
import dev.forumkit.core.memory.InMemoryForumStorage;
import dev.forumkit.core.session.Session;
import dev.forumkit.core.session.SessionTokens;
import dev.forumkit.web.internal.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-in, sign-out, cookies, CSRF and same-origin checks. */
class SessionSecurityTest {
    @RegisterExtension
    static final Fixture f = Fixture.perClass();

    @Test
    void signing_in_sets_an_httponly_samesite_lax_cookie_and_stores_only_its_hash() {
        Client c = f.guest();
        Client.Response r = c.post("/api/v1/session", "{\"login\":\"mia\",\"password\":\"" + Fixture.PASSWORD + "\"}");
        assertThat(r.status()).isEqualTo(200);
        String cookie = r.headers().allValues("Set-Cookie").get(0);
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").contains("Path=/").doesNotContain("Secure");
        assertThat(c.sessionCookie).hasSize(43);
        assertThat(r.json().path("member").path("username").asText()).isEqualTo("mia");
        assertThat(r.json().path("session").path("csrf_token").asText()).isNotBlank();
        Optional<Session> stored = f.server.storage.sessions().byTokenHash(SessionTokens.hash(c.sessionCookie));
        assertThat(stored).isPresent();
        assertThat(f.server.storage.sessions().byTokenHash(c.sessionCookie)).isEmpty();
    }

    @Test
    void the_cookie_is_secure_when_configured() {
        try (TestServer s = TestServer.start(c -> c.sessions(sessions -> sessions.secureCookies(true)))) {
            new Fixture(s);
            Client.Response r = s.client().post("/api/v1/session", "{\"login\":\"mia\",\"password\":\"" + Fixture.PASSWORD + "\"}");
            assertThat(r.headers().allValues("Set-Cookie").get(0)).contains("Secure");
        }
    }

    @Test
    void unknown_member_and_wrong_password_get_the_same_answer() {
        Client.Response wrong = f.guest().post("/api/v1/session", "{\"login\":\"mia\",\"password\":\"not it at all\"}");
        Client.Response unknown = f.guest().post("/api/v1/session", "{\"login\":\"nobody\",\"password\":\"not it at all\"}");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo(unknown.body());
        assertThat(wrong.errorCode()).isEqualTo("invalid_credentials");
        assertThat(wrong.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void sign_in_needs_both_fields() {
        Client.Response r = f.guest().post("/api/v1/session", "{}");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("login", "password");
    }

    @Test
    void signing_in_again_gives_a_new_token_and_ends_the_old_one() {
        Client c = f.signedIn(f.mia);
        String first = c.sessionCookie;
        c.signIn("mia", Fixture.PASSWORD);
        assertThat(c.sessionCookie).isNotEqualTo(first);
        Client old = f.guest();
        old.sessionCookie = first;
        assertThat(old.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(c.get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void signing_out_ends_the_session_on_the_server() {
        Client c = f.signedIn(f.mia);
        String token = c.sessionCookie;
        Client.Response out = c.delete("/api/v1/session");
        assertThat(out.status()).isEqualTo(204);
        assertThat(out.headers().allValues("Set-Cookie").get(0)).startsWith("forumkit_session=;").contains("1970");
        Client replay = f.guest();
        replay.sessionCookie = token;
        assertThat(replay.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(f.server.storage.sessions().byTokenHash(SessionTokens.hash(token))).isEmpty();
    }

    @Test
    void a_ban_ends_the_members_sessions() {
        var victim = f.member("banned");
        Client c = f.signedIn(victim);
        assertThat(f.signedIn(f.moderator).put("/api/v1/members/" + victim.id() + "/ban", "{\"reason\":\"spam\"}").status())
                .isEqualTo(200);
        assertThat(c.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void changing_the_password_ends_other_sessions_and_keeps_this_client_signed_in() {
        var m = f.member("changer");
        Client phone = f.signedIn(m);
        Client laptop = f.signedIn(m);
        Client.Response r = laptop.put("/api/v1/me/password",
                "{\"current_password\":\"" + Fixture.PASSWORD + "\",\"new_password\":\"a new secret\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        laptop.csrf = r.json().path("session").path("csrf_token").asText();
        assertThat(phone.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(laptop.get("/api/v1/me").status()).isEqualTo(200);
        Client.Response wrong = laptop.put("/api/v1/me/password", "{\"current_password\":\"nope nope\",\"new_password\":\"another one\"}");
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.json().path("errors").path(0).path("field").asText()).isEqualTo("current_password");
    }

    @Test
    void the_session_resource_tells_guests_and_members_apart_and_hands_out_the_csrf_token() {
        assertThat(f.guest().get("/api/v1/session").json().path("session").path("signed_in").asBoolean()).isFalse();
        Client c = f.signedIn(f.mia);
        var s = c.get("/api/v1/session").json().path("session");
        assertThat(s.path("signed_in").asBoolean()).isTrue();
        assertThat(s.path("csrf_token").asText()).isEqualTo(c.csrf);
    }

    @Test
    void cookie_requests_need_the_csrf_token_and_the_form_field_counts_too() {
        Client c = f.signedIn(f.mia);
        c.sendCsrf = false;
        assertThat(c.post("/api/v1/threads/" + f.threadId() + "/posts", "{\"body\":\"hi\"}").errorCode()).isEqualTo("csrf_failed");
        Client.Response form = c.send("POST", "/api/v1/threads/" + f.threadId() + "/posts", "_csrf=" + c.csrf + "&body=hi",
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(form.status()).as("CSRF passed; the JSON route then refuses the form body").isEqualTo(415);
        Client.Response wrongForm = c.send("POST", "/api/v1/threads/" + f.threadId() + "/posts", "_csrf=nope&body=hi",
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(wrongForm.errorCode()).isEqualTo("csrf_failed");
    }

    @Test
    void state_changing_requests_from_another_origin_are_refused_even_for_guests() {
        Client c = f.signedIn(f.mia);
        Client.Response cross = c.send("POST", "/api/v1/threads/" + f.threadId() + "/posts", "{\"body\":\"hi\"}",
                "Origin", "https://evil.example");
        assertThat(cross.status()).isEqualTo(403);
        assertThat(cross.errorCode()).isEqualTo("cross_origin");
        Client.Response referer = c.send("POST", "/api/v1/threads/" + f.threadId() + "/posts", "{\"body\":\"hi\"}",
                "Referer", "https://evil.example/page");
        assertThat(referer.errorCode()).isEqualTo("cross_origin");
        Client.Response loginCsrf = f.guest().send("POST", "/api/v1/session",
                "{\"login\":\"mia\",\"password\":\"" + Fixture.PASSWORD + "\"}", "Origin", "null");
        assertThat(loginCsrf.errorCode()).isEqualTo("cross_origin");
        Client.Response same = c.send("POST", "/api/v1/threads/" + f.threadId() + "/posts", "{\"body\":\"hi from here\"}",
                "Origin", "http://" + c.host, "Referer", "http://" + c.host + "/threads/x");
        assertThat(same.status()).isEqualTo(201);
        assertThat(c.send("GET", "/api/v1/boards", null, "Origin", "https://evil.example").status()).isEqualTo(200);
    }

    @Test
    void a_host_authenticator_signs_members_in_and_decides_whether_csrf_applies() {
        var box = new Object() {
            Authentication auth;
        };
        try (TestServer s = TestServer.start(c -> c.authenticator(ctx -> Optional.ofNullable(box.auth)))) {
            Fixture fx = new Fixture(s);
            box.auth = Authentication.fromHeader(fx.mia.id());
            Client api = s.client();
            assertThat(api.get("/api/v1/me").json().path("member").path("username").asText()).isEqualTo("mia");
            assertThat(api.post("/api/v1/threads/" + fx.threadId() + "/posts", "{\"body\":\"by header\"}").status()).isEqualTo(201);

            box.auth = Authentication.fromCookie(fx.mia.id(), "host-session-secret-123456");
            assertThat(api.post("/api/v1/threads/" + fx.threadId() + "/posts", "{\"body\":\"by cookie\"}").errorCode())
                    .isEqualTo("csrf_failed");
            api.csrf = api.get("/api/v1/session").json().path("session").path("csrf_token").asText();
            assertThat(api.csrf).isEqualTo(Tokens.csrfFor("host-session-secret-123456"));
            assertThat(api.post("/api/v1/threads/" + fx.threadId() + "/posts", "{\"body\":\"by cookie\"}").status()).isEqualTo(201);
        }
    }

    @Test
    void the_api_moves_under_the_base_path() {
        try (TestServer s = TestServer.startAt("/community", c -> { })) {
            new Fixture(s);
            Client.Response r = s.client().post("/api/v1/session", "{\"login\":\"mia\",\"password\":\"" + Fixture.PASSWORD + "\"}");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.headers().allValues("Set-Cookie").get(0)).contains("Path=/community");
            assertThat(s.plugin.routes()).allMatch(route -> route.path().startsWith("/community/"));
            assertThat(s.plugin.routes()).filteredOn(route -> route.path().contains("/api/"))
                    .allMatch(route -> route.path().startsWith("/community/api/v1/"));
            Client.Response index = s.client().get("/");
            assertThat(index.status()).isEqualTo(200);
            assertThat(index.body()).contains("href=\"/community/boards/japan.").contains("href=\"/community/assets/forumkit.css\"")
                    .doesNotContain("href=\"/boards/");
        }
    }

    @Test
    void sign_in_is_rate_limited_per_ip_and_per_account_before_any_hashing() {
        try (TestServer s = TestServer.start(c -> c.limits(l -> l.signInPerAccount(RateLimit.of(2, Duration.ofHours(1)))))) {
            new Fixture(s);
            String wrong = "{\"login\":\"mia\",\"password\":\"wrong guess\"}";
            assertThat(s.client().post("/api/v1/session", wrong).status()).isEqualTo(401);
            assertThat(s.client().post("/api/v1/session", wrong).status()).isEqualTo(401);
            Client.Response limited = s.client().post("/api/v1/session", "{\"login\":\"MIA\",\"password\":\"" + Fixture.PASSWORD + "\"}");
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.errorCode()).isEqualTo("rate_limited");
            assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
            assertThat(s.client().post("/api/v1/session", "{\"login\":\"pat\",\"password\":\"" + Fixture.PASSWORD + "\"}").status())
                    .isEqualTo(200);
        }
        try (TestServer s = TestServer.start(c -> c.limits(l -> l.signInPerIp(RateLimit.of(1, Duration.ofHours(1)))))) {
            new Fixture(s);
            assertThat(s.client().post("/api/v1/session", "{\"login\":\"mia\",\"password\":\"wrong guess\"}").status()).isEqualTo(401);
            assertThat(s.client().post("/api/v1/session", "{\"login\":\"pat\",\"password\":\"wrong guess\"}").status()).isEqualTo(429);
        }
    }

    @Test
    void registration_is_rate_limited_per_ip_and_posting_per_member() {
        try (TestServer s = TestServer.start(c -> c.limits(l -> l.registrationPerIp(RateLimit.of(1, Duration.ofHours(1)))
                .postingPerMember(RateLimit.of(1, Duration.ofHours(1)))))) {
            Fixture fx = new Fixture(s);
            Client first = s.client().register("first1", "long enough");
            Client.Response second = s.client().post("/api/v1/members",
                    "{\"username\":\"second\",\"email\":\"second@example.org\",\"password\":\"long enough\"}");
            assertThat(second.status()).isEqualTo(429);
            assertThat(second.header("Retry-After")).isNotBlank();
            assertThat(first.post("/api/v1/threads/" + fx.threadId() + "/posts", "{\"body\":\"one\"}").status()).isEqualTo(201);
            Client.Response again = first.post("/api/v1/threads/" + fx.threadId() + "/posts", "{\"body\":\"two\"}");
            assertThat(again.status()).isEqualTo(429);
            assertThat(again.header("Retry-After")).isNotBlank();
            assertThat(first.post("/api/v1/threads/" + fx.threadId() + "/posts", "{\"body\":\"\"}").status())
                    .as("a bad post is refused for what it is, not counted").isEqualTo(422);
        }
    }

    @Test
    void a_full_password_queue_answers_503_at_once_while_reads_go_on() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        PasswordHasher inner = new Pbkdf2PasswordHasher(1_000);
        PasswordHasher slow = new PasswordHasher() {
            @Override
            public String hash(char[] password) {
                return inner.hash(password);
            }

            @Override
            public boolean verify(char[] password, String storedHash) {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return inner.verify(password, storedHash);
            }
        };
        Forum forum = Forum.create(new InMemoryForumStorage(), c -> c.passwordHasher(slow).viewFlushInterval(Duration.ZERO));
        try (TestServer s = TestServer.start(forum, c -> c.passwords(p -> p.threads(1).queue(1)))) {
            new Fixture(s);
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest signIn = HttpRequest.newBuilder(URI.create(s.base + "/api/v1/session"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"login\":\"mia\",\"password\":\"" + Fixture.PASSWORD + "\"}")).build();
            CompletableFuture<HttpResponse<String>> hashing = http.sendAsync(signIn, HttpResponse.BodyHandlers.ofString());
            entered.await();
            // one thread is hashing; of three more, one fits the queue of one and two are refused at once
            List<CompletableFuture<HttpResponse<String>>> more = List.of(
                    http.sendAsync(signIn, HttpResponse.BodyHandlers.ofString()),
                    http.sendAsync(signIn, HttpResponse.BodyHandlers.ofString()),
                    http.sendAsync(signIn, HttpResponse.BodyHandlers.ofString()));
            int refused = 0;
            while (refused < 2) {
                refused = 0;
                for (CompletableFuture<HttpResponse<String>> m : more) {
                    if (m.isDone()) {
                        assertThat(m.get().statusCode()).isEqualTo(503);
                        assertThat(m.get().headers().firstValue("Retry-After")).isPresent();
                        refused++;
                    }
                }
                assertThat(s.client().get("/api/v1/boards").status()).as("reads go on").isEqualTo(200);
            }
            release.countDown();
            assertThat(hashing.get().statusCode()).isEqualTo(200);
            for (CompletableFuture<HttpResponse<String>> m : more) {
                assertThat(m.get().statusCode()).isIn(200, 503);
            }
        } finally {
            release.countDown();
        }
    }

    @Test
    void guests_cause_no_session_writes_when_they_read() {
        Client g = f.guest();
        g.get("/api/v1/threads/" + f.threadId());
        g.get("/api/v1/boards");
        assertThat(g.sessionCookie).isNull();
        assertThat(Actor.guest().isGuest()).isTrue();
    }
}
