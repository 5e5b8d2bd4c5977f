package dev.forumkit.web;

import dev.forumkit.core.Actor;
import dev.forumkit.core.Forum;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Registration;
import dev.forumkit.core.post.Post;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alerts in a real Chromium with JavaScript off (plain forms and links only): member A watches a thread with the
 * button, B replies quoting A and mentioning C; A and C each see the alert count in the header, open the alerts
 * page and follow the alert to the reply's anchor.
 */
class AlertsIT {
    private static Community community;
    @RegisterExtension
    static final TestServer server = TestServer.perClass(AlertsIT::community);
    private static Browser browser;

    private static Forum community() {
        community = new Community();
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

    @Test
    void a_watcher_and_the_quoted_and_mentioned_members_follow_their_alerts_to_the_reply() {
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
        community.forum.outbox().drain(); // the fan-out runs beside the request: wait for it here, not with a sleep

        for (Member m : new Member[]{a, c}) {
            browser.signIn(m.username(), Community.PASSWORD);
            browser.go("/");
            assertThat(browser.find(".alerts-link .badge-alerts").getText()).as(m.username()).isEqualTo("1");
            browser.click(".alerts-link");
            browser.await(d -> browser.path().equals("/alerts/"));
            String line = browser.find(".alert-unread .alert-text").getText();
            assertThat(line).contains(b.username()).contains(m == a ? "quoted your post in" : "mentioned you in")
                    .contains("Tea houses in Kyoto");
            browser.click(".alert-unread .alert-link");
            browser.await(d -> browser.path().endsWith("#post-" + reply));
            assertThat(browser.path()).startsWith("/threads/tea-houses-in-kyoto-" + n + "." + opening.threadId().value() + "/");
            assertThat(browser.find("#post-" + reply).getText()).contains("she knows them all");
        }

        browser.go("/alerts/");
        browser.click(".page-actions button[type=submit]"); // mark all read
        browser.await(d -> !browser.has(".alert-unread"));
        assertThat(browser.has(".alerts-link .badge-alerts")).isFalse();
    }
}
