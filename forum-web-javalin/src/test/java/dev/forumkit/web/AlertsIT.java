package dev.forumkit.web;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.forumkit.core.Actor;
import dev.forumkit.core.Forum;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Registration;
import dev.forumkit.core.post.Post;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alerts and e-mail in a real Chromium with JavaScript off (plain forms and links only), the forum's e-mail going
 * through the real SMTP mailer to a GreenMail server this test starts: member A watches a thread with e-mail with the
 * button, B replies quoting A and mentioning C; A and C each see the alert count in the header, open the alerts page
 * and follow the alert to the reply's anchor. A gets one e-mail however many replies follow, and its unsubscribe link,
 * opened in the browser, stops the thread's e-mail. Then A forgets her password and resets it through the e-mailed
 * link in the same browser.
 *
 * <p>E-mail links start with {@link MailWorld#PUBLIC_URL} (the forum is made before the server has its random port):
 * the browser opens the link's path and query on the test server.
 */
class AlertsIT {
    @RegisterExtension
    @Order(1)
    static final GreenMailExtension SMTP = MailWorld.smtpServer().withPerMethodLifecycle(false);
    private static Community community;
    @RegisterExtension
    @Order(2)
    static final TestServer server = TestServer.perClass(AlertsIT::community);
    private static Browser browser;

    private static Forum community() {
        community = new Community(MailWorld.mailTo(SMTP));
        return community.forum;
    }

    @BeforeAll
    static void openBrowser() {
        browser = Browser.open("http://127.0.0.1:" + server.app.port(), false);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private static Member member(String name) {
        return community.forum.members().register(new Registration(name, name + "@example.org", Community.PASSWORD));
    }

    /** The e-mails GreenMail received for the address, once the outbox has sent everything due. */
    private static List<MimeMessage> mailTo(Member m) {
        community.forum.outbox().drain(); // the mail consumer runs beside the requests: wait for it here, not with a sleep
        return Arrays.stream(SMTP.getReceivedMessages()).filter(x -> MailWorld.recipients(new MimeMessage[] {x})
                .contains(m.email())).toList();
    }

    private static void reply(Member by, String thread, String text) {
        browser.signIn(by.username(), Community.PASSWORD);
        browser.go(thread + "reply");
        browser.find("#reply-body").sendKeys(text);
        browser.click(".reply-form button[type=submit]");
        browser.await(d -> browser.path().matches("/threads/.+#post-\\d+"));
    }

    @Test
    void a_watcher_and_the_quoted_and_mentioned_members_follow_their_alerts_and_emails() throws Exception {
        String n = Long.toString(System.nanoTime() % 100_000);
        Member a = member("aiko" + n);
        Member b = member("bunta" + n);
        Member c = member("chika" + n);
        Actor asA = Actor.member(a.id());
        // A's own thread would be watched for her at once; the button is what this test is about
        community.forum.alerts().savePreferences(asA, community.forum.alerts().preferences(asA).withAutoWatch(false, false));
        Post opening = community.forum.threads().start(asA, community.japan.id(), "Tea houses in Kyoto " + n,
                "Which ones open early?");
        String thread = "/threads/t." + opening.threadId().value() + "/";

        browser.signIn(a.username(), Community.PASSWORD);
        browser.go(thread);
        assertThat(browser.has(".alerts-link .badge-alerts")).isFalse();
        browser.click(".watch-form input[name=email]");
        browser.click(".watch-form button[type=submit]");
        browser.await(d -> browser.find(".watch-tools").getText().contains("You watch this thread (with e-mail)"));

        browser.signIn(b.username(), Community.PASSWORD);
        browser.go(thread + "reply?quote=" + opening.id().value());
        assertThat(browser.find("#reply-body").getAttribute("value")).contains("post=" + opening.id().value());
        browser.find("#reply-body").sendKeys(org.openqa.selenium.Keys.END, "\nAsk @" + c.username() + ", she knows them all.");
        browser.click(".reply-form button[type=submit]");
        browser.await(d -> browser.path().matches("/threads/.+#post-\\d+"));
        long reply = Long.parseLong(browser.path().replaceAll(".*#post-", ""));
        // more replies before A comes back: still one e-mail about the thread (batched until she reads it)
        reply(b, thread, "The one by the river opens at seven.");
        reply(c, thread, "And the small one behind the shrine at eight.");

        List<MimeMessage> toA = mailTo(a);
        assertThat(toA).as("e-mails to A").hasSize(1);
        MimeMessage mail = toA.get(0);
        assertThat(mail.getSubject()).contains(b.username()).contains("quoted").contains("Tea houses in Kyoto");
        assertThat(MailWorld.text(mail)).contains("she knows them all");
        assertThat(MailWorld.link(mail, "/posts/")).isEqualTo("/posts/" + reply + "/");
        String unsubscribe = MailWorld.link(mail, "/unsubscribe/");
        assertThat(mail.getHeader("List-Unsubscribe", null)).isEqualTo("<" + MailWorld.PUBLIC_URL + unsubscribe + ">");
        assertThat(mail.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");

        // A: the quote, and one reply alert for B's and C's further replies (a second reply alert waits while the first
        // is unread: news of the thread is coalesced, docs/alerts.md)
        for (Member m : new Member[]{a, c}) {
            browser.signIn(m.username(), Community.PASSWORD);
            browser.go("/");
            if (m == c) {
                // C replied in the thread after B mentioned her: her read mark passed the mention, which went read with
                // it (docs/alerts.md, "Read with the thread"); it is listed, read
                assertThat(browser.has(".alerts-link .badge-alerts")).as(m.username()).isFalse();
                browser.go("/alerts/");
                assertThat(browser.find(".alert[data-kind=mention] .alert-text").getText()).contains("mentioned you in");
                assertThat(browser.has(".alert-unread")).isFalse();
                continue;
            }
            assertThat(browser.find(".alerts-link .badge-alerts").getText()).as(m.username()).isEqualTo(m == a ? "2" : "1");
            browser.click(".alerts-link");
            browser.await(d -> browser.path().equals("/alerts/"));
            String alert = ".alert-unread[data-kind=" + (m == a ? "quote" : "mention") + "]";
            assertThat(browser.find(alert + " .alert-text").getText()).contains(b.username())
                    .contains(m == a ? "quoted your post in" : "mentioned you in").contains("Tea houses in Kyoto");
            browser.click(alert + " .alert-link");
            browser.await(d -> browser.path().endsWith("#post-" + reply));
            assertThat(browser.path()).startsWith("/threads/tea-houses-in-kyoto-" + n + "." + opening.threadId().value() + "/");
            assertThat(browser.find("#post-" + reply).getText()).contains("she knows them all");
        }

        // reading the thread marked A's news read but not a reaction to her post: that one waits for "mark all read"
        community.forum.reactions().react(Actor.member(b.id()), opening.id(), "like");
        community.forum.outbox().drain();
        browser.signIn(a.username(), Community.PASSWORD);
        browser.go("/alerts/");
        assertThat(browser.find(".alerts-link .badge-alerts").getText()).isEqualTo("1");
        browser.click(".page-actions button[type=submit]"); // mark all read
        browser.await(d -> !browser.has(".alert-unread"));
        assertThat(browser.has(".alerts-link .badge-alerts")).isFalse();

        // A has read the thread, so the next reply would e-mail her again: the unsubscribe link is what stops it
        browser.forget().go(mail.getHeader("List-Unsubscribe", null).replaceAll("[<>]", "").substring(MailWorld.PUBLIC_URL.length()));
        assertThat(browser.find(".form-page").getText()).contains("Stop e-mails about replies in the thread");
        browser.click(".form-page button[type=submit]");
        browser.await(d -> browser.find(".form-page").getText().contains("Done: you get no more"));
        community.forum.flushViews();
        long unread = community.forum.alerts().unreadCount(asA);
        reply(b, thread, "One more: the tea house at the station opens at six.");
        assertThat(mailTo(a)).as("e-mails to A after unsubscribing").hasSize(1);
        assertThat(community.forum.alerts().unreadCount(asA)).as("still alerted on the site").isEqualTo(unread + 1);

        forgottenPasswordIsResetThroughTheEmailedLink(a);
    }

    private static void forgottenPasswordIsResetThroughTheEmailedLink(Member a) throws Exception {
        String newPassword = "a kettle on the hob";
        browser.forget().go("/login");
        browser.click("a[href='/forgot-password']");
        browser.await(d -> browser.path().equals("/forgot-password"));
        browser.type("#email", a.email());
        browser.click(".stacked-form button[type=submit]");
        browser.await(d -> browser.find(".form-page").getText().contains("If an account uses this e-mail address"));

        List<MimeMessage> resets = mailTo(a).stream().filter(m -> {
            try {
                return m.getSubject().startsWith("Reset your password");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(resets).hasSize(1);
        browser.go(MailWorld.link(resets.get(0), "/reset-password?token="));
        browser.type("#new_password", newPassword);
        browser.click(".stacked-form button[type=submit]");
        browser.await(d -> browser.find(".form-page").getText().contains("Your password is changed"));

        browser.forget().go("/login");
        browser.type("#login", a.username()).type("#password", Community.PASSWORD);
        browser.click(".stacked-form button[type=submit]");
        browser.await(d -> browser.has(".form-errors, .field-error"));
        assertThat(browser.has(".account-nav .me")).as("signed in with the old password").isFalse();
        browser.signIn(a.username(), newPassword);
        assertThat(browser.find(".account-nav .me").getText()).contains(a.username());
    }
}
