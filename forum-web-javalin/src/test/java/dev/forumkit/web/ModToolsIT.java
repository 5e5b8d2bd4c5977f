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
 * Moderation tools in a real Chromium with JavaScript off: a member reports a post from the thread page, the
 * moderator resolves the report from the queue and warns the author, the author sees the warning on their account
 * page and the reporter the outcome in their alerts, and the admin's audit log shows both staff actions.
 */
class ModToolsIT {
    private static Community community;
    @RegisterExtension
    static final TestServer server = TestServer.perClass(ModToolsIT::community);
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
    void a_report_is_resolved_from_the_queue_the_author_is_warned_and_the_audit_log_shows_both() {
        String n = Long.toString(System.nanoTime() % 100_000);
        Member author = member("hiro" + n);
        Member reporter = member("yui" + n);
        Post opening = community.forum.threads().start(Actor.member(community.kenji.id()), community.japan.id(),
                "Night trains " + n, "Which ones still run?");
        Post spam = community.forum.posts().reply(Actor.member(author.id()), opening.threadId(),
                "Cheap rail passes at example.com, click now!").post();
        String thread = "/threads/t." + opening.threadId().value() + "/";

        // the reporter reports the post from the thread page
        browser.signIn(reporter.username(), Community.PASSWORD);
        browser.go(thread);
        browser.await(d -> browser.has("#post-" + spam.id().value()));
        browser.click("#post-" + spam.id().value() + " a[href$='/report']");
        browser.await(d -> browser.path().endsWith("/posts/" + spam.id().value() + "/report"));
        browser.type("#reason", "Advertising, not an answer");
        browser.click(".stacked-form button[type=submit]");
        browser.await(d -> browser.has("#report-done"));

        // the moderator opens the queue, the report, and resolves it
        browser.signIn("sachiko", Community.PASSWORD);
        browser.go("/");
        browser.click(".primary-nav a[href$='/reports/']");
        browser.await(d -> browser.path().equals("/reports/"));
        browser.click(".report-list a");
        browser.await(d -> browser.has("#report-status"));
        assertThat(browser.find(".report-notes").getText()).contains(reporter.username()).contains("Advertising, not an answer");
        browser.type("#comment", "Link removed, author warned");
        browser.click("#resolve");
        browser.await(d -> browser.find("#report-status").getText().equals("resolved"));

        // ... and warns the author from the report
        browser.click("#warn-author");
        browser.await(d -> browser.has("#give-warning"));
        browser.find("#points").clear();
        browser.type("#points", "3");
        browser.type("#warn-reason", "No advertising in the travel boards");
        browser.click("#give-warning");
        browser.await(d -> browser.path().startsWith("/members/"));
        assertThat(browser.find("#warnings").getText()).contains("No advertising in the travel boards");
        assertThat(browser.find("#active-points").getText()).isEqualTo("3");

        // the author sees the warning and its reason
        browser.signIn(author.username(), Community.PASSWORD);
        browser.go("/account/warnings");
        assertThat(browser.find("#warnings").getText()).contains("No advertising in the travel boards").contains("3 point");

        // the reporter hears the outcome
        community.forum.outbox().drain();
        browser.signIn(reporter.username(), Community.PASSWORD);
        browser.go("/alerts/");
        assertThat(browser.find(".alert-unread .alert-text").getText()).contains("sachiko").contains("resolved your report");

        // the admin's audit log shows both actions
        browser.signIn("admin", Community.PASSWORD);
        browser.go("/admin/audit-log");
        browser.type("#f-actor", "sachiko");
        browser.click(".audit-filter button[type=submit]");
        browser.await(d -> browser.has(".audit-entry"));
        String log = browser.find(".audit-log").getText();
        assertThat(log).contains("member warn").contains("No advertising in the travel boards")
                .contains("report resolve").contains("Link removed, author warned");
        assertThat(browser.all(".audit-entry").get(0).getAttribute("data-action")).isEqualTo("member_warn");
    }
}
