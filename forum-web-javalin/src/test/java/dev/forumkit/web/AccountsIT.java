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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account pages in a real Chromium with JavaScript off: a member fills in their profile and signature, sees them
 * on the profile and under their post, signs out another device, changes the password (staying signed in here), and
 * finally deletes the account, after which their post stays under "Deleted member N".
 */
class AccountsIT {
    private static Community community;
    @RegisterExtension
    static final TestServer server = TestServer.perClass(AccountsIT::community);
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

    @Test
    void a_member_keeps_a_profile_manages_devices_changes_the_password_and_deletes_the_account() {
        String n = Long.toString(System.nanoTime() % 100_000);
        Member rin = community.forum.members().register(new Registration("rin" + n, "rin" + n + "@example.org", Community.PASSWORD));
        Post opening = community.forum.threads().start(Actor.member(rin.id()), community.japan.id(), "Ferry routes " + n,
                "Which islands can one reach from Okayama?");
        community.forum.sessions().create(rin.id(), Duration.ofDays(1), null, "Old phone browser", "198.51.100.4");

        // the profile: about, location, website, signature, time zone and date format
        browser.signIn(rin.username(), Community.PASSWORD);
        browser.click(".account-nav .account-link");
        browser.await(d -> browser.path().equals("/account/profile"));
        browser.type("#about", "Island hopper.");
        browser.type("#location", "Okayama");
        browser.type("#website", "https://example.org/rin");
        browser.type("#signature", "**Always** take the early ferry");
        new org.openqa.selenium.support.ui.Select(browser.find("#time_zone")).selectByValue("Asia/Tokyo");
        new org.openqa.selenium.support.ui.Select(browser.find("#date_style")).selectByValue("day_month_year");
        browser.click(".profile-form button[type=submit]");
        browser.await(d -> browser.has(".notice"));
        assertThat(browser.find(".notice").getText()).contains("saved");

        browser.go("/members/" + rin.username() + "." + rin.id().value() + "/");
        assertThat(browser.find(".location").getText()).isEqualTo("Okayama");
        assertThat(browser.find(".website a").getAttribute("rel")).contains("nofollow").contains("ugc");
        assertThat(browser.find(".about-text").getText()).isEqualTo("Island hopper.");
        browser.go("/threads/t." + opening.threadId().value() + "/");
        assertThat(browser.find("#post-" + opening.id().value() + " .signature").getText()).contains("take the early ferry");

        // devices: this one and the old phone; sign out everywhere else
        browser.go("/account/sessions");
        assertThat(browser.all("table.sessions tbody tr")).hasSize(2);
        assertThat(browser.find("table.sessions").getText()).contains("Old phone browser").contains("This device");
        browser.click(".end-others button");
        browser.await(d -> browser.has(".notice"));
        assertThat(browser.all("table.sessions tbody tr")).hasSize(1);

        // the password: this browser stays signed in
        browser.go("/account/password");
        browser.type("#current_password", Community.PASSWORD);
        browser.type("#new_password", "a far longer new password");
        browser.click(".password-form button[type=submit]");
        browser.await(d -> browser.path().startsWith("/account/sessions"));
        assertThat(browser.find(".notice").getText()).contains("password is changed");
        assertThat(browser.has(".account-nav .me")).isTrue();

        // deleting: a wrong password changes nothing, the right one removes the account but not the post
        browser.go("/account/delete");
        browser.type("#password", "not my password");
        browser.click(".delete-form button[type=submit]");
        browser.await(d -> browser.has(".field-error"));
        browser.type("#password", "a far longer new password");
        browser.click(".delete-form button[type=submit]");
        browser.await(d -> !browser.has(".account-nav .me"));
        browser.go("/threads/t." + opening.threadId().value() + "/");
        assertThat(browser.find("#post-" + opening.id().value() + " .username").getText())
                .isEqualTo("Deleted member " + rin.id().value());
        assertThat(browser.has("#post-" + opening.id().value() + " .signature")).isFalse();
    }
}
