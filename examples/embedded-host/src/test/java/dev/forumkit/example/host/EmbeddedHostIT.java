package dev.forumkit.example.host;

import dev.forumkit.core.board.Board;
import dev.forumkit.core.member.Pbkdf2PasswordHasher;
import dev.forumkit.web.Browser;
import dev.forumkit.web.LimitsConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A person in a real Chromium signs in on the host and posts in the forum, inside the host's page, in Japanese. */
class EmbeddedHostIT {
    @Test
    void aHostUserSignsInThroughTheHostAndPostsInTheForumInsideTheHostsLayoutInJapanese() {
        try (ExampleHost host = ExampleHost.inMemory(c -> c.passwordHasher(new Pbkdf2PasswordHasher(1_000)))) {
            Board lounge = host.createFirstBoard("a long password");
            host.users().add("1", "ann", "ann@example.org", "ann-password");
            host.plugin(p -> p.limits(LimitsConfig::noRateLimits)).start(0);
            try (Browser browser = Browser.open("http://127.0.0.1:" + host.port())) {
                browser.go("/community/");
                assertInHostsPageInJapanese(browser);
                browser.click(".forumkit a[href='/sign-in']");                     // the forum's sign-in link: the host's page
                browser.await(d -> browser.path().equals("/sign-in"));
                browser.type("#name", "ann").type("#password", "ann-password").click("#sign-in");
                browser.await(d -> browser.path().equals("/community/") && browser.has(".account-nav .me"));
                assertThat(browser.find(".account-nav .me span").getText()).isEqualTo("ann");

                browser.go("/community/boards/" + lounge.slug() + "." + lounge.id().value() + "/post-thread");
                assertInHostsPageInJapanese(browser);
                browser.type("#title", "ホストからこんにちは").type("#body", "ホストでサインインして、フォーラムに投稿します。");
                browser.click(".stacked-form button[type=submit]");
                browser.await(d -> browser.path().startsWith("/community/threads/") && browser.has(".post"));
                browser.type("#reply-body", "返信もできます。").click(".reply-form button[type=submit]");
                browser.await(d -> d.getPageSource().contains("返信もできます。"));
                assertInHostsPageInJapanese(browser);
                assertThat(browser.find(".fk-content h1").getText()).contains("ホストからこんにちは");
                assertThat(browser.find(".reply-form button[type=submit]").getText()).isEqualTo("返信を投稿");
                assertThat(browser.find(".forumkit.fk-nav").getCssValue("background-color"))
                        .as("the host's --fk-accent from its stylesheet").isEqualTo("rgba(138, 21, 56, 1)");
                browser.screenshot("embedded-host-thread", 1280, 800);

                browser.go("/sign-out").click("#sign-out");
                browser.await(d -> browser.path().equals("/"));
                browser.go("/community/");
                assertThat(browser.has(".account-nav .me")).as("signed out on the host: a guest in the forum").isFalse();
                assertThat(browser.has(".forumkit a[href='/sign-in']")).isTrue();
            }
        }
    }

    private static void assertInHostsPageInJapanese(Browser browser) {
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("ja");
        assertThat(browser.find(".host-header").getText()).contains("Example Host");
        assertThat(browser.find(".host-footer").getText()).contains("Example Host");
        assertThat(browser.has(".logo")).as("not the forum's own header").isFalse();
        assertThat(browser.find(".forumkit.fk-nav").getText()).contains("フォーラム");
    }
}
