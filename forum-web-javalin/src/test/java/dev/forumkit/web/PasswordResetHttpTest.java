package dev.forumkit.web;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.forumkit.core.member.Registration;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Password reset over HTTP on the real server, the e-mail through a real SMTP server (GreenMail). */
class PasswordResetHttpTest {
    @RegisterExtension
    static final GreenMailExtension SMTP = MailWorld.smtpServer();
    private static final String FORM = "application/x-www-form-urlencoded";
    private MailWorld world;
    private TestServer server;

    @BeforeEach
    void start() {
        world = new MailWorld(SMTP, c -> { });
        world.forum.members().register(new Registration("ann", "Ann@Example.org", Fixture.PASSWORD));
    }

    /** Serves the world's forum with no rate limits but the given ones. */
    private void serve(java.util.function.Consumer<LimitsConfig> limits) {
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

    private Client.Response ask(Client c, String email) {
        return c.post("/api/v1/password-resets", "{\"email\":\"" + email + "\"}");
    }

    private static String token(String link) {
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    private Client.Response confirm(Client c, String token, String password) {
        return c.post("/api/v1/password-resets/confirm", "{\"token\":\"" + token + "\",\"new_password\":\"" + password + "\"}");
    }

    @Test
    void theEmailedLinkSetsTheNewPasswordOnceAndEndsEverySession() throws Exception {
        serve(l -> { });
        Client phone = server.client().signIn("ann", Fixture.PASSWORD);
        Client guest = server.client();

        Client.Response asked = ask(guest, "ann@example.org");
        assertThat(asked.status()).isEqualTo(202);
        world.drain();

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(MailWorld.recipients(received)).containsExactly("ann@example.org");
        assertThat(mail.getSubject()).isEqualTo("Reset your password at forum.example.org");
        assertThat(mail.getMessageID()).isNotBlank();
        String link = MailWorld.link(mail, "/reset-password?token=");
        assertThat(MailWorld.html(mail)).contains("href=\"" + MailWorld.PUBLIC_URL + link + "\"");

        Client.Response page = guest.get(link);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"new_password\"").contains("value=\"" + token(link) + "\"");
        // not "no-referrer": Chromium then posts the page's form with "Origin: null", which is refused (AlertsIT)
        assertThat(page.header("Referrer-Policy")).isEqualTo("same-origin");

        assertThat(confirm(guest, token(link), "a brand new password").status()).isEqualTo(204);

        assertThat(phone.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(server.client().post("/api/v1/session", "{\"login\":\"ann\",\"password\":\"" + Fixture.PASSWORD + "\"}").status())
                .isEqualTo(401);
        server.client().signIn("ann", "a brand new password");
        Client.Response again = confirm(guest, token(link), "another new password");
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.errorCode()).isEqualTo("invalid_token");
        assertThat(guest.get(link).status()).isEqualTo(404);
        server.client().signIn("ann", "a brand new password");
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNoMail() {
        serve(l -> { });
        Client.Response known = ask(server.client(), "ann@example.org");
        Client.Response unknown = ask(server.client(), "nobody@example.org");

        assertThat(unknown.status()).isEqualTo(known.status()).isEqualTo(202);
        assertThat(unknown.body()).isEqualTo(known.body());
        world.drain();
        assertThat(MailWorld.recipients(SMTP.getReceivedMessages())).containsExactly("ann@example.org");
    }

    @Test
    void aLinkExpiresAfterAnHour() {
        serve(l -> { });
        ask(server.client(), "ann@example.org");
        world.drain();
        String link = MailWorld.link(SMTP.getReceivedMessages()[0], "/reset-password?token=");
        world.clock.advance(Duration.ofMinutes(61));

        assertThat(server.client().get(link).status()).isEqualTo(404);
        Client.Response late = confirm(server.client(), token(link), "a brand new password");
        assertThat(late.status()).isEqualTo(422);
        assertThat(late.errorCode()).isEqualTo("invalid_token");
        server.client().signIn("ann", Fixture.PASSWORD);
    }

    @Test
    void theHtmlPagesWalkThroughTheWholeReset() {
        serve(l -> { });
        Client browser = server.client();
        assertThat(browser.get("/login").body()).contains("href=\"/forgot-password\"");
        assertThat(browser.get("/forgot-password").body()).contains("name=\"email\"");

        Client.Response sent = browser.send("POST", "/forgot-password", "email=ann%40example.org", "Content-Type", FORM);
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.body()).contains("If an account uses this e-mail address");
        Client.Response unknown = browser.send("POST", "/forgot-password", "email=zed%40example.org", "Content-Type", FORM);
        assertThat(unknown.body()).contains("If an account uses this e-mail address");
        world.drain();
        String link = MailWorld.link(SMTP.getReceivedMessages()[0], "/reset-password?token=");

        Client.Response tooShort = browser.send("POST", "/reset-password", "token=" + token(link) + "&new_password=short",
                "Content-Type", FORM);
        assertThat(tooShort.status()).isEqualTo(422);
        assertThat(tooShort.body()).contains("at least 8 characters");
        Client.Response done = browser.send("POST", "/reset-password", "token=" + token(link) + "&new_password="
                + URLEncoder.encode("a brand new password", StandardCharsets.UTF_8), "Content-Type", FORM);
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).contains("Your password is changed");
        server.client().signIn("ann", "a brand new password");
    }

    @Test
    void requestsAreRateLimitedPerAddressWhetherOrNotItExists() {
        serve(l -> l.passwordResetPerAddress(RateLimit.of(2, Duration.ofHours(1))));

        for (String address : new String[] {"ann@example.org", "nobody@example.org"}) {
            assertThat(ask(server.client(), address).status()).isEqualTo(202);
            assertThat(ask(server.client(), address.toUpperCase()).status()).isEqualTo(202);
            Client.Response third = ask(server.client(), address);
            assertThat(third.status()).isEqualTo(429);
            assertThat(third.header("Retry-After")).isNotBlank();
        }
        world.drain();
        assertThat(SMTP.getReceivedMessages()).hasSize(2);
    }

    @Test
    void requestsAreRateLimitedPerClientAddress() {
        serve(l -> l.passwordResetPerIp(RateLimit.of(2, Duration.ofHours(1))));

        assertThat(ask(server.client(), "a@example.org").status()).isEqualTo(202);
        assertThat(ask(server.client(), "b@example.org").status()).isEqualTo(202);
        assertThat(ask(server.client(), "c@example.org").status()).isEqualTo(429);
    }
}
