package dev.forumkit.web;

import dev.forumkit.core.Actor;
import dev.forumkit.core.member.ExternalIdentity;
import dev.forumkit.core.member.Member;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Host identity on a real server: a host-style sign-in that reads the host's own cookie ({@code shop_session}) and
 * says which of its users that is; the forum provisions them and has no sign-in of its own.
 */
class HostIdentityHttpTest {
    private static final String SIGN_IN = "/shop/sign-in?next=/forum";
    private static final String SIGN_OUT = "/shop/sign-out";
    private static final String ACCOUNT = "https://shop.example.org/account";

    /** The host's sessions: cookie value to the host's user. */
    private final Map<String, ExternalIdentity> hostSessions = new ConcurrentHashMap<>();
    private TestServer server;
    private Fixture fx;

    @BeforeEach
    void start() {
        HostSignIn shop = ctx -> Optional.ofNullable(ctx.cookie("shop_session")).map(hostSessions::get)
                .map(identity -> HostUser.fromCookie(identity, "shop-secret-" + ctx.cookie("shop_session")));
        server = TestServer.start(c -> c.hostIdentity(new HostIdentity(SIGN_IN, SIGN_OUT, ACCOUNT, shop)));
        fx = new Fixture(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Client.Response asHost(String method, String path, String json, String session, String... more) {
        String[] headers = new String[more.length + 2];
        headers[0] = "Cookie";
        headers[1] = "shop_session=" + session;
        System.arraycopy(more, 0, headers, 2, more.length);
        return server.client().send(method, path, json, headers);
    }

    private String csrfOf(String session) {
        return asHost("GET", "/api/v1/session", null, session).json().path("session").path("csrf_token").asText();
    }

    @Test
    void theFirstRequestProvisionsAndLaterOnesFollowTheHost() {
        hostSessions.put("s-ann", ExternalIdentity.of("shop", "u-1", "ann", "ann@shop.example.org"));

        Client.Response me = asHost("GET", "/api/v1/me", null, "s-ann");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("member").path("username").asText()).isEqualTo("ann");
        Member ann = server.forum.members().byUsername("ann").orElseThrow();
        assertThat(ann.isExternal()).isTrue();
        assertThat(ann.email()).isEqualTo("ann@shop.example.org");

        hostSessions.put("s-ann", ExternalIdentity.of("shop", "u-1", "annie", "annie@shop.example.org"));
        Client.Response again = asHost("GET", "/api/v1/me", null, "s-ann");
        assertThat(again.json().path("member").path("username").asText()).isEqualTo("annie");
        assertThat(again.json().path("member").path("id").asLong()).isEqualTo(ann.id().value());
        assertThat(server.forum.members().byId(ann.id()).orElseThrow().email()).isEqualTo("annie@shop.example.org");

        String csrf = csrfOf("s-ann");
        assertThat(csrf).isNotBlank();
        Client.Response posted = asHost("POST", "/api/v1/threads/" + fx.threadId() + "/posts", "{\"body\":\"Hello from the shop\"}",
                "s-ann", "X-CSRF-Token", csrf);
        assertThat(posted.status()).isEqualTo(201);
        Client.Response forged = asHost("POST", "/api/v1/threads/" + fx.threadId() + "/posts", "{\"body\":\"no token\"}", "s-ann");
        assertThat(forged.errorCode()).isEqualTo("csrf_failed");
    }

    @Test
    void aBannedMemberStaysBannedWhateverTheHostSays() {
        hostSessions.put("s-bob", ExternalIdentity.of("shop", "u-2", "bob", "bob@shop.example.org"));
        asHost("GET", "/api/v1/me", null, "s-bob");
        Member bob = server.forum.members().byUsername("bob").orElseThrow();
        server.forum.members().ban(Actor.member(fx.moderator.id()), bob.id(), "spam", null);

        hostSessions.put("s-bob", ExternalIdentity.of("shop", "u-2", "bob", "bob@shop.example.org").withCustomTitle("VIP"));
        Client.Response reply = asHost("POST", "/api/v1/threads/" + fx.threadId() + "/posts", "{\"body\":\"let me in\"}",
                "s-bob", "X-CSRF-Token", csrfOf("s-bob"));
        assertThat(reply.status()).isEqualTo(403);
        assertThat(server.forum.members().byId(bob.id()).orElseThrow().ban()).isNotNull();
    }

    @Test
    void theForumsOwnSignInPagesLeadToTheHost() {
        assertThat(server.client().get("/login").status()).isEqualTo(303);
        assertThat(server.client().get("/login").header("Location")).isEqualTo(SIGN_IN);
        assertThat(server.client().get("/register").header("Location")).isEqualTo(SIGN_IN);
        assertThat(server.client().send("POST", "/logout", null).header("Location")).isEqualTo(SIGN_OUT);
        assertThat(server.client().get("/forgot-password").header("Location")).isEqualTo(ACCOUNT);
        hostSessions.put("s-ann", ExternalIdentity.of("shop", "u-1", "ann", "ann@shop.example.org"));
        assertThat(asHost("GET", "/account/password", null, "s-ann").header("Location")).isEqualTo(ACCOUNT);
        assertThat(asHost("GET", "/account/email", null, "s-ann").header("Location")).isEqualTo(ACCOUNT);

        String page = asHost("GET", "/", null, "s-ann").body();
        assertThat(page).contains("href=\"" + SIGN_OUT + "\"").contains("href=\"" + ACCOUNT + "\"");
        String guestPage = server.client().get("/").body();
        assertThat(guestPage).contains("href=\"" + SIGN_IN.replace("&", "&amp;") + "\"").doesNotContain("href=\"/register\"");
    }

    @Test
    void theApisSignInAndAccountRoutesAnswerAClearError() {
        Client.Response signIn = server.client().post("/api/v1/session",
                "{\"login\":\"mia\",\"password\":\"" + Fixture.PASSWORD + "\"}");
        assertThat(signIn.status()).isEqualTo(409);
        assertThat(signIn.errorCode()).isEqualTo("host_identity");
        assertThat(signIn.json().path("errors").path(0).path("message").asText()).contains(SIGN_IN);
        assertThat(signIn.header("Location")).isEqualTo(SIGN_IN);
        assertThat(signIn.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("forumkit_session="));

        Client.Response join = server.client().post("/api/v1/members",
                "{\"username\":\"newbie\",\"email\":\"newbie@example.org\",\"password\":\"a long password\"}");
        assertThat(join.status()).isEqualTo(409);
        assertThat(join.errorCode()).isEqualTo("host_identity");
        assertThat(server.forum.members().byUsername("newbie")).isEmpty();

        assertThat(server.client().post("/api/v1/password-resets", "{\"email\":\"mia@example.org\"}").errorCode())
                .isEqualTo("host_identity");
        hostSessions.put("s-ann", ExternalIdentity.of("shop", "u-1", "ann", "ann@shop.example.org"));
        Client.Response password = asHost("PUT", "/api/v1/me/password",
                "{\"current_password\":\"x\",\"new_password\":\"another long one\"}", "s-ann", "X-CSRF-Token", csrfOf("s-ann"));
        assertThat(password.status()).isEqualTo(409);
        assertThat(password.header("Location")).isEqualTo(ACCOUNT);
    }

    @Test
    void signingOutOnTheHostMakesTheNextRequestAGuests() {
        hostSessions.put("s-ann", ExternalIdentity.of("shop", "u-1", "ann", "ann@shop.example.org"));
        assertThat(asHost("GET", "/api/v1/me", null, "s-ann").status()).isEqualTo(200);
        Member ann = server.forum.members().byUsername("ann").orElseThrow();
        // a forum session of the same member (made before host identity was turned on) counts for nothing
        String forumToken = server.forum.sessions().create(ann.id(), Duration.ofDays(1), null, "test", "127.0.0.1").token();
        assertThat(server.forum.sessions().resolve(forumToken, Duration.ofDays(1))).isPresent();

        hostSessions.remove("s-ann"); // the host signed ann out
        Client.Response me = asHost("GET", "/api/v1/me", null, "s-ann", "Cookie", "forumkit_session=" + forumToken);
        assertThat(me.status()).isEqualTo(401);
        Client.Response session = server.client().send("GET", "/api/v1/session", null, "Cookie", "forumkit_session=" + forumToken);
        assertThat(session.json().path("session").path("signed_in").asBoolean()).as(session.body()).isFalse();
        assertThat(server.client().get("/").body()).contains("href=\"" + SIGN_IN.replace("&", "&amp;") + "\"");
    }
}
