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

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The approval queue in a real Chromium with JavaScript off, on a forum that holds a new member's first post (a host's
 * own spam check): the post is held (its author sees "Awaiting approval"), the moderator approves it from the queue, a
 * member reports it, the moderator warns the author from the report, and the admin's audit log shows all three.
 */
class ApprovalIT {
    private static Community community;
    @RegisterExtension
    static final TestServer server = TestServer.perClass(ApprovalIT::community);
    private static Browser browser;

    private static Forum community() {
        // a host's own check through the port: the first post of a member who joined today waits (the community's
        // members joined long before they post, so its set-up posts freely)
        community = new Community(c -> c.spamChecks(s -> s.author().messageCount() == 0
                && s.author().joinedAt().isAfter(s.at().minus(Duration.ofDays(1)))
                ? List.of("the first post of a member who joined today") : List.of()));
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
    void a_held_post_is_approved_from_the_queue_reported_the_author_warned_and_the_audit_log_shows_all_three() {
        String n = Long.toString(System.nanoTime() % 100_000);
        Member author = member("newbie" + n);
        Member reporter = member("mika" + n);
        Post opening = community.forum.threads().start(Actor.member(community.kenji.id()), community.japan.id(),
                "Night trains " + n, "Which ones still run?");
        String thread = "/threads/t." + opening.threadId().value() + "/";

        // the new member replies: held, and shown to them as awaiting approval
        browser.signIn(author.username(), Community.PASSWORD);
        browser.go(thread);
        browser.await(d -> browser.has("#reply-body"));
        browser.type("#reply-body", "Cheap rail passes at example.com, click now!");
        browser.click(".reply-form button[type=submit]");
        browser.await(d -> browser.has("#held-status"));
        assertThat(browser.find("#held-status").getText()).contains("Awaiting approval");
        browser.go(thread);
        assertThat(browser.find("#held-posts").getText()).contains("Awaiting approval").contains("Cheap rail passes");

        // the moderator approves it from the queue
        browser.signIn("sachiko", Community.PASSWORD);
        browser.go("/");
        browser.click(".primary-nav a[href$='/moderation/approval/']");
        browser.await(d -> browser.path().equals("/moderation/approval/"));
        assertThat(browser.find(".held-list").getText()).contains("Cheap rail passes").contains(author.username())
                .contains("joined today");
        browser.click(".held-list .approve");
        browser.await(d -> browser.has(".empty"));

        // now everyone sees it; a member reports it from the thread page
        Post approved = community.forum.reading().threadPage(Actor.guest(), opening.threadId(), 1).posts().items()
                .get(1).post();
        assertThat(approved.number()).isEqualTo(2);
        browser.signIn(reporter.username(), Community.PASSWORD);
        browser.go(thread);
        browser.await(d -> browser.has("#post-" + approved.id().value()));
        browser.click("#post-" + approved.id().value() + " a[href$='/report']");
        browser.await(d -> browser.path().endsWith("/posts/" + approved.id().value() + "/report"));
        browser.type("#reason", "Advertising");
        browser.click(".stacked-form button[type=submit]");
        browser.await(d -> browser.has("#report-done"));

        // the moderator resolves the report and warns the author from it
        browser.signIn("sachiko", Community.PASSWORD);
        browser.go("/reports/");
        browser.click(".report-list a");
        browser.await(d -> browser.has("#report-status"));
        browser.type("#comment", "Author warned");
        browser.click("#resolve");
        browser.await(d -> browser.find("#report-status").getText().equals("resolved"));
        browser.click("#warn-author");
        browser.await(d -> browser.has("#give-warning"));
        browser.find("#points").clear();
        browser.type("#points", "2");
        browser.type("#warn-reason", "No advertising please");
        browser.click("#give-warning");
        browser.await(d -> browser.path().startsWith("/members/"));

        // the admin's audit log shows the approval, the report's resolution and the warning
        browser.signIn("admin", Community.PASSWORD);
        browser.go("/admin/audit-log");
        browser.type("#f-actor", "sachiko");
        browser.click(".audit-filter button[type=submit]");
        browser.await(d -> browser.has(".audit-entry"));
        String log = browser.find(".audit-log").getText();
        assertThat(log).contains("post approve").contains("report resolve").contains("member warn")
                .contains("No advertising please");
    }
}
