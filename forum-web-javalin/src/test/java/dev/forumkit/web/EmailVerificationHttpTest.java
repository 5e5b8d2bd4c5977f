package dev.forumkit.web;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.forumkit.core.Actor;
import dev.forumkit.core.board.Category;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Registration;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.verify.Verification;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * E-mail verification and change of address over HTTP on the real server, on a forum that requires a verified
 * address to post, the e-mail through a real SMTP server (GreenMail).
 */
class EmailVerificationHttpTest {
    @RegisterExtension
    static final GreenMailExtension SMTP = MailWorld.smtpServer();
    private static final String FORM = "application/x-www-form-urlencoded";
    private MailWorld world;
    private TestServer server;
    private Post adminsPost;

    @BeforeEach
    void start() {
        world = new MailWorld(SMTP, c -> c.verification(Verification.REQUIRED_TO_POST));
        Member admin = world.forum.members().registerFirstAdmin(new Registration("admin", "admin@example.org", Fixture.PASSWORD));
        Actor asAdmin = Actor.member(admin.id());
        Category general = world.forum.boards().createCategory(asAdmin, "General", "");
        long board = world.forum.boards().createBoard(asAdmin, general.id(), "Cycling", "", null).id().value();
        adminsPost = world.forum.threads().start(asAdmin, dev.forumkit.core.board.BoardId.of(board), "Routes", "Where do you ride?");
    }

    private void serve(Consumer<LimitsConfig> limits) {
        server = TestServer.start(world.forum, c -> c.limits(l -> limits.accept(l.noRateLimits())));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close(); // closes the forum too
        } else {
            world.forum.close();
        }
    }

    private static List<MimeMessage> to(String address) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> MailWorld.recipients(new MimeMessage[] {m}).get(0)
                .equals(address)).toList();
    }

    private static MimeMessage lastTo(String address) {
        List<MimeMessage> all = to(address);
        assertThat(all).as("e-mails to %s", address).isNotEmpty();
        return all.get(all.size() - 1);
    }

    private static String link(MimeMessage m) {
        return MailWorld.link(m, "/verify-email?token=");
    }

    private static String token(String link) {
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    private static String form(String... pairs) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            out.append(out.length() == 0 ? "" : "&").append(pairs[i]).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    private static Client.Response postForm(Client c, String path, String body) {
        return c.send("POST", path, body, "Content-Type", FORM);
    }

    private String replyPath() {
        return "/api/v1/threads/" + adminsPost.threadId().value() + "/posts";
    }

    @Test
    void aNewMemberReadsButPostsOnlyAfterOpeningTheEmailedLink() throws Exception {
        serve(l -> { });
        Client ann = server.client().register("ann", Fixture.PASSWORD);
        world.drain();

        MimeMessage mail = lastTo("ann@example.org");
        assertThat(mail.getSubject()).isEqualTo("Confirm your e-mail address at forum.example.org");
        String link = link(mail);
        assertThat(MailWorld.html(mail)).contains("href=\"" + MailWorld.PUBLIC_URL + link + "\"");
        assertThat(ann.get("/api/v1/me").json().path("member").path("email_verified").asBoolean()).isFalse();
        assertThat(ann.get("/api/v1/threads/" + adminsPost.threadId().value()).status()).isEqualTo(200);
        assertThat(ann.get("/").body()).contains("Verify your e-mail address to post");

        Client.Response refused = ann.post(replyPath(), "{\"body\":\"My first reply\"}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("email_unverified");
        assertThat(refused.body()).contains("verify your e-mail address first");
        assertThat(ann.put("/api/v1/posts/" + adminsPost.id().value() + "/reaction", "{\"type\":\"like\"}").errorCode())
                .isEqualTo("email_unverified");
        Client.Response page = postForm(ann, "/threads/routes." + adminsPost.threadId().value() + "/reply",
                form("body", "Words worth keeping"));
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.errorCode()).isEqualTo("email_unverified");
        assertThat(page.body()).contains("Verify your e-mail address first").contains("action=\"/account/verify-email\"")
                .contains("Send the link again").contains("Words worth keeping");

        Client stranger = server.client(); // the link works in any browser: the token is the proof
        Client.Response confirmPage = stranger.get(link);
        assertThat(confirmPage.status()).isEqualTo(200);
        assertThat(confirmPage.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(confirmPage.body()).contains("ann@example.org").contains("value=\"" + token(link) + "\"")
                .contains("Confirm this address");
        Client.Response done = postForm(stranger, "/verify-email", form("token", token(link)));
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).contains("ann@example.org is your verified e-mail address");

        assertThat(ann.post(replyPath(), "{\"body\":\"My first reply\"}").status()).isEqualTo(201);
        assertThat(ann.get("/api/v1/me").json().path("member").path("email_verified").asBoolean()).isTrue();
        assertThat(stranger.get(link).status()).isEqualTo(404);
        assertThat(ann.get("/").body()).doesNotContain("Verify your e-mail address to post");
        Client.Response again = postForm(stranger, "/verify-email", form("token", token(link)));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.body()).contains("already used");
    }

    @Test
    void theAccountPageSendsTheLinkAgainRateLimitedAndTheNewLinkReplacesTheOld() {
        serve(l -> l.emailVerificationPerMember(RateLimit.of(2, Duration.ofHours(1))));
        Client ann = server.client().register("ann", Fixture.PASSWORD);
        world.drain();
        String first = link(lastTo("ann@example.org"));

        Client.Response account = ann.get("/account/email");
        assertThat(account.status()).isEqualTo(200);
        assertThat(account.body()).contains("ann@example.org").contains("not verified yet").contains("Send the link again");
        Client.Response resent = postForm(ann, "/account/verify-email", "");
        assertThat(resent.status()).isEqualTo(200);
        assertThat(resent.body()).contains("We have sent a new link");
        assertThat(ann.post("/api/v1/me/email-verification", null).status()).isEqualTo(202);
        Client.Response third = postForm(ann, "/account/verify-email", "");
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.header("Retry-After")).isNotBlank();
        world.drain();

        assertThat(to("ann@example.org")).hasSize(3);
        String latest = link(lastTo("ann@example.org"));
        assertThat(server.client().get(first).status()).isEqualTo(404);
        assertThat(server.client().post("/api/v1/email-verifications/confirm", "{\"token\":\"" + token(latest) + "\"}").status())
                .isEqualTo(204);
        assertThat(ann.get("/account/email").body()).contains("verified").doesNotContain("not verified yet");
        Client.Response verifiedAlready = ann.post("/api/v1/me/email-verification", null);
        assertThat(verifiedAlready.status()).isEqualTo(409);
    }

    @Test
    void aChangeOfAddressThroughTheApiNeedsThePasswordAndTakesEffectThroughTheNewAddressLink() throws Exception {
        serve(l -> { });
        Client ann = server.client().register("ann", Fixture.PASSWORD);
        Client bob = server.client().register("bob", Fixture.PASSWORD);

        Client.Response wrong = ann.put("/api/v1/me/email", "{\"email\":\"ann@elsewhere.org\",\"current_password\":\"not my password\"}");
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.json().path("errors").path(0).path("field").asText()).isEqualTo("current_password");
        Client.Response taken = ann.put("/api/v1/me/email", "{\"email\":\"BOB@example.org\",\"current_password\":\"" + Fixture.PASSWORD + "\"}");
        assertThat(taken.status()).isEqualTo(422);
        assertThat(taken.errorCode()).isEqualTo("taken");
        assertThat(taken.body()).contains("that e-mail address is already registered");
        Client.Response malformed = ann.put("/api/v1/me/email", "{\"email\":\"nope\",\"current_password\":\"" + Fixture.PASSWORD + "\"}");
        assertThat(malformed.status()).isEqualTo(422);
        assertThat(malformed.errorCode()).isEqualTo("invalid_email");

        Client.Response asked = ann.put("/api/v1/me/email", "{\"email\":\"Ann@Elsewhere.org\",\"current_password\":\"" + Fixture.PASSWORD + "\"}");
        assertThat(asked.status()).isEqualTo(202);
        assertThat(asked.json().path("message").asText()).contains("Ann@Elsewhere.org");
        world.drain();

        MimeMessage newAddress = lastTo("ann@elsewhere.org");
        assertThat(newAddress.getSubject()).isEqualTo("Confirm your new e-mail address at forum.example.org");
        MimeMessage notice = lastTo("ann@example.org");
        assertThat(notice.getSubject()).contains("is about to change");
        assertThat(MailWorld.text(notice)).contains("ann@elsewhere.org").doesNotContain("verify-email?token=");
        assertThat(ann.get("/api/v1/me").json().path("member").path("email").asText()).isEqualTo("ann@example.org");

        // another member who gets hold of the link changes ann's address, never their own
        Client.Response confirmed = bob.post("/api/v1/email-verifications/confirm", "{\"token\":\"" + token(link(newAddress)) + "\"}");
        assertThat(confirmed.status()).isEqualTo(204);
        assertThat(bob.get("/api/v1/me").json().path("member").path("email").asText()).isEqualTo("bob@example.org");
        var me = ann.get("/api/v1/me").json().path("member");
        assertThat(me.path("email").asText()).isEqualTo("ann@elsewhere.org");
        assertThat(me.path("email_verified").asBoolean()).isTrue();
        server.client().signIn("ann@elsewhere.org", Fixture.PASSWORD);
        assertThat(ann.post(replyPath(), "{\"body\":\"Verified through the change\"}").status()).isEqualTo(201);
    }

    @Test
    void theAccountPageChangesTheAddressAndKeepsWhatWasTypedOnAProblem() {
        serve(l -> { });
        Client ann = server.client().register("ann", Fixture.PASSWORD);
        server.client().register("bob", Fixture.PASSWORD);

        Client.Response taken = postForm(ann, "/account/email", form("email", "bob@example.org", "current_password", Fixture.PASSWORD));
        assertThat(taken.status()).isEqualTo(422);
        assertThat(taken.body()).contains("That e-mail address is already registered").contains("value=\"bob@example.org\"");
        Client.Response wrong = postForm(ann, "/account/email", form("email", "ann@elsewhere.org", "current_password", "wrong one"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body()).contains("The current password is wrong").contains("value=\"ann@elsewhere.org\"");

        Client.Response sent = postForm(ann, "/account/email", form("email", "ann@elsewhere.org", "current_password", Fixture.PASSWORD));
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.body()).contains("We have sent a link to ann@elsewhere.org");
        world.drain();
        String link = link(lastTo("ann@elsewhere.org"));

        Client.Response confirmPage = ann.get(link);
        assertThat(confirmPage.body()).contains("Make <strong>ann@elsewhere.org</strong> the e-mail address of your account");
        Client.Response done = postForm(ann, "/verify-email", form("token", token(link)));
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).contains("ann@elsewhere.org is your verified e-mail address");
        assertThat(ann.get("/account/email").body()).contains("ann@elsewhere.org");
    }

    @Test
    void badExpiredAndGarbageTokensGetAClearAnswerNeverA500() {
        serve(l -> { });
        server.client().register("ann", Fixture.PASSWORD);
        world.drain();
        String link = link(lastTo("ann@example.org"));
        Client guest = server.client();

        for (String bad : List.of("/verify-email", "/verify-email?token=", "/verify-email?token=garbage",
                "/verify-email?token=%3Cscript%3E", "/verify-email?token=" + "x".repeat(43), "/verify-email?token=" + "a".repeat(3000))) {
            Client.Response r = guest.get(bad);
            assertThat(r.status()).as(bad).isEqualTo(404);
            assertThat(r.body()).as(bad).contains("This link is unknown, already used, replaced by a newer one or expired")
                    .doesNotContain("<script>");
        }
        for (String bad : new String[] {"", "garbage", "<script>", "x".repeat(43)}) {
            Client.Response page = postForm(guest, "/verify-email", form("token", bad));
            assertThat(page.status()).as(bad).isEqualTo(422);
            Client.Response api = guest.post("/api/v1/email-verifications/confirm", "{\"token\":\"" + bad.replace("\"", "") + "\"}");
            assertThat(api.status()).as(bad).isEqualTo(422);
            assertThat(api.errorCode()).as(bad).isIn("invalid_token", "required");
        }
        assertThat(guest.post("/api/v1/email-verifications/confirm", "{\"token\":42}").status()).isLessThan(500);

        world.clock.advance(Duration.ofHours(24));
        assertThat(guest.get(link).status()).isEqualTo(404);
        Client.Response late = guest.post("/api/v1/email-verifications/confirm", "{\"token\":\"" + token(link) + "\"}");
        assertThat(late.status()).isEqualTo(422);
        assertThat(late.errorCode()).isEqualTo("invalid_token");
        assertThat(late.body()).contains("expired");
    }
}
