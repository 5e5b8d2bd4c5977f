package dev.forumkit.web;

import dev.forumkit.core.Actor;
import dev.forumkit.core.Forum;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Registration;
import dev.forumkit.core.post.Post;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forum inside a host's page in a real Chromium: the forum's stylesheet leaves the host's own elements as the
 * host styled them, the host's {@code --fk-*} overrides reach the forum, and the forum's script works in the frame.
 */
class HostLayoutIT {
    private static final String HOST_CSS = ":root { --fk-accent: rgb(138, 21, 56); }\n"
            + ".host-header { border-bottom: 3px solid rgb(0, 128, 0); }\n";
    private static Forum forum;
    private static Javalin host;
    private static Browser browser;
    private static Post annsPost;

    @BeforeAll
    static void start() {
        forum = TestServer.inMemoryForum();
        Member admin = forum.members().registerFirstAdmin(new Registration("admin", "admin@example.org", Fixture.PASSWORD));
        Member ann = forum.members().register(new Registration("ann", "ann@example.org", Fixture.PASSWORD));
        forum.members().register(new Registration("bob", "bob@example.org", Fixture.PASSWORD));
        Board board = forum.boards().createBoard(Actor.member(admin.id()),
                forum.boards().createCategory(Actor.member(admin.id()), "Rides", "").id(), "Gravel", "Off the tarmac", null);
        annsPost = forum.threads().start(Actor.member(ann.id()), board.id(), "Tyres for mud", "Which width?");
        host = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get("/host.css", ctx -> ctx.contentType("text/css").result(HOST_CSS));
            config.registerPlugin(new ForumPlugin(f -> f
                    .forum(forum)
                    .basePath("/community")
                    .limits(LimitsConfig::noRateLimits)
                    .pageFrame((ctx, page) -> "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                            + page.title().replace("<", "&lt;") + "</title>" + page.head()
                            + "<link rel=\"stylesheet\" href=\"/host.css\"></head><body>"
                            + "<header class=\"host-header\"><h1 class=\"host-title\">Example</h1><a class=\"host-link\" href=\"/\">Home</a></header>"
                            + page.navigation() + page.breadcrumbs() + page.content()
                            + "<footer class=\"host-footer\"><p>Example Ltd</p></footer></body></html>")));
        }).start("127.0.0.1", 0);
        browser = Browser.open("http://127.0.0.1:" + host.port() + "/community");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        host.stop();
        forum.close();
    }

    private static String style(String css, String property) {
        return browser.find(css).getCssValue(property);
    }

    @Test
    void the_forums_stylesheet_leaves_the_hosts_elements_alone_and_takes_the_hosts_theme() {
        browser.forget().go("/");
        assertThat(browser.find(".forumkit.fk-content h1").getText()).isEqualTo("Forums");
        // the host's elements keep the browser's and the host's own look
        assertThat(style(".host-title", "font-size")).isEqualTo("32px");                 // 2em, not the forum's 1.6rem
        assertThat(style(".host-title", "margin-top")).isNotEqualTo("0px");
        assertThat(style("body", "margin-top")).isEqualTo("8px");
        assertThat(style("body", "display")).isEqualTo("block");
        assertThat(style(".host-link", "text-decoration-line")).isEqualTo("underline");
        assertThat(style(".host-header", "border-bottom-color")).isEqualTo("rgba(0, 128, 0, 1)");
        // the forum's blocks have the forum's look, in the host's accent colour
        assertThat(style(".forumkit.fk-content h1", "font-size")).isEqualTo("25.6px");
        assertThat(style(".forumkit.fk-content .board-title a", "text-decoration-line")).isEqualTo("none");
        assertThat(style(".forumkit.fk-nav", "background-color")).isEqualTo("rgba(138, 21, 56, 1)");
        assertThat(browser.has(".logo")).isFalse();
        browser.screenshot("host-frame-board-index", 1280, 800);
    }

    @Test
    void the_forums_script_works_inside_the_hosts_page() {
        browser.signIn("bob", Fixture.PASSWORD);
        browser.go("/threads/t." + annsPost.threadId().value() + "/");
        assertThat(browser.has(".host-header")).isTrue();
        browser.js("window.forumkitSamePage = true;");
        browser.click(".post:first-of-type .react-button[data-type='like']");
        browser.await(d -> "1".equals(browser.find(".post:first-of-type .reaction-counts li[data-type='like'] .count").getText()));
        assertThat(browser.js("return window.forumkitSamePage === true;")).as("the script reacted without a reload").isEqualTo(true);
        browser.driver.navigate().refresh();
        assertThat(browser.find(".post:first-of-type .react-button[data-type='like']").getAttribute("aria-pressed")).isEqualTo("true");
    }
}
