package dev.forumkit.web;

import dev.forumkit.core.Forum;
import dev.forumkit.core.post.Post;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forum in a real Chromium, as people use it: reading as a guest, registering, posting, quoting, reacting,
 * moderating, paging through a long thread. One server and one browser for the class; every scenario starts as a
 * fresh visitor and writes its own threads when it changes anything. Screenshots go to target/screenshots.
 */
class ForumPagesIT {
    private static Community community;
    @RegisterExtension
    static final TestServer server = TestServer.perClass(ForumPagesIT::community);
    private static Browser browser;

    private static Forum community() {
        community = new Community();
        return community.forum;
    }

    @BeforeAll
    static void openBrowser() {
        browser = Browser.open("http://127.0.0.1:" + server.app.port());
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private static String threadPath(Post first) {
        return "/threads/t." + first.threadId().value() + "/";
    }

    @Test
    void a_guest_sees_the_welcome_notice_and_no_reply_form() {
        browser.forget().go(threadPath(community.ferry));
        assertThat(browser.find("h1").getText()).contains("From Fukuoka to Busan by ferry and bike");
        assertThat(browser.find(".guest-notice").getText()).contains("Welcome to our Japan and Korea community").contains("Join today");
        assertThat(browser.has("#reply-body")).isFalse();
        assertThat(browser.has(".react-form")).isFalse();
        assertThat(browser.find("#reply").getText()).containsIgnoringCase("log in or register to reply");
        WebElement first = browser.find("#post-" + community.ferry.id().value());
        assertThat(first.getText()).contains("kenji").contains("Unswerving cyclist").containsIgnoringCase("Thread starter").contains("#1")
                .contains("Joined").contains("Messages").contains("Reaction score");
        assertThat(browser.find("#post-" + community.ferryReply.id().value() + " .badge-admin").getText()).isEqualTo("Admin");
    }

    @Test
    void a_newcomer_registers_signs_in_starts_a_thread_gets_a_reply_and_a_reaction_that_moves_the_score() {
        String hana = "hana" + System.nanoTime() % 100_000;
        register(hana);
        browser.click(".account-nav .link-button"); // log out
        browser.await(d -> browser.has(".account-nav a[href^='/login']"));
        browser.signIn(hana, Community.PASSWORD);

        browser.go("/boards/japan-and-korea." + community.japan.id().value() + "/");
        browser.click("a[href$='/post-thread']");
        browser.type("#title", "Slow trains across Kyushu").type("#body", "Which local lines are worth a whole day?");
        browser.click(".stacked-form button[type=submit]");
        browser.await(d -> browser.path().matches("/threads/slow-trains-across-kyushu\\.\\d+/#post-\\d+"));
        String thread = browser.path().replaceAll("#.*", "");
        assertThat(score(hana)).isEqualTo("0");

        String taro = "taro" + System.nanoTime() % 100_000;
        register(taro);
        browser.go(thread);
        browser.type("#reply-body", "The Hisatsu line, without a doubt.");
        browser.click(".reply-form button[type=submit]");
        browser.await(d -> browser.path().matches(".*#post-\\d+"));
        String anchor = browser.path().replaceAll(".*#", "");
        assertThat(browser.find("#" + anchor + " .post-body").getText()).isEqualTo("The Hisatsu line, without a doubt.");

        WebElement like = browser.find(".post:first-of-type .react-button[data-type='like']");
        browser.js("window.forumkitSamePage = true;");
        browser.click(like);
        browser.await(d -> "1".equals(score(hana)));
        assertThat(browser.js("return window.forumkitSamePage === true;")).as("the script reacted without a reload").isEqualTo(true);
        assertThat(browser.find(".post:first-of-type .reaction-counts li[data-type='like'] .count").getText()).isEqualTo("1");
        browser.driver.navigate().refresh();
        assertThat(score(hana)).isEqualTo("1");
        assertThat(browser.find(".post:first-of-type .react-button[data-type='like']").getAttribute("aria-pressed")).isEqualTo("true");
    }

    @Test
    void quoting_a_post_puts_it_in_the_reply_with_a_link_back() {
        browser.signIn("mina", Community.PASSWORD);
        browser.go(threadPath(community.ferry));
        long quoted = community.ferry.id().value();
        browser.click("#post-" + quoted + " .js-quote");
        WebElement box = browser.await(d -> {
            var boxes = browser.all("#reply-body");
            return !boxes.isEmpty() && boxes.get(0).getAttribute("value").contains("[quote=kenji post=" + quoted + "]") ? boxes.get(0) : null;
        });
        box.sendKeys("Quoting for the record: the fast boat is the way.");
        browser.click(".reply-form button[type=submit]");
        browser.await(d -> browser.path().matches(".*page-\\d+#post-\\d+|.*/#post-\\d+"));
        String anchor = browser.path().replaceAll(".*#", "");
        WebElement quote = browser.find("#" + anchor + " blockquote.quote");
        assertThat(quote.getText()).contains("kenji said:").contains("I finally did it");
        assertThat(quote.findElement(org.openqa.selenium.By.cssSelector(".quote-attribution a")).getAttribute("href"))
                .endsWith("/posts/" + quoted + "/");
    }

    @Test
    void a_number_link_from_another_page_lands_on_the_right_page_and_post() {
        Post late = community.longPosts.get(86); // #87: page 5 of 20 posts a page
        browser.forget().go("/members/x." + late.authorId().value() + "/");
        browser.click(".recent-posts a[href='/posts/" + late.id().value() + "/']");
        browser.await(d -> browser.path().endsWith("/page-5#post-" + late.id().value()));
        WebElement post = browser.find("#post-" + late.id().value());
        assertThat(post.findElement(org.openqa.selenium.By.cssSelector(".permalink")).getText()).isEqualTo("#87");
        // the browser scrolled to the post: its top is at the top of the window
        browser.await(d -> (Boolean) browser.js("return Math.abs(arguments[0].getBoundingClientRect().top) < 40;", post));
        assertThat(browser.find(".pagination .page-current").getText()).isEqualTo("5");
    }

    @Test
    void a_moderator_locks_the_thread_and_a_member_can_no_longer_reply() {
        Post opening = community.forum.threads().start(Community.as(community.kenji), community.japan.id(),
                "Lost property at Busan port", "Left a pannier on the quay: anyone seen a red one?");
        browser.signIn("sachiko", Community.PASSWORD);
        browser.go(threadPath(opening));
        browser.click(".mod-tools summary");
        browser.click(".mod-tools form[action$='/lock'] button");
        browser.await(d -> browser.has(".notice-locked"));
        assertThat(browser.find(".page-head h1").getText()).contains("Locked");

        browser.signIn("mina", Community.PASSWORD);
        browser.go(threadPath(opening));
        assertThat(browser.find(".notice-locked").getText()).contains("no new replies");
        assertThat(browser.has("#reply-body")).isFalse();
        assertThat(browser.has(".js-quote")).isFalse();
        browser.go(threadPath(opening) + "reply");
        browser.type("#reply-body", "Is it still there?");
        browser.click(".reply-form button[type=submit]");
        // a click does not always wait for the form's answer to load: wait for it, as the other scenarios do
        WebElement refused = browser.await(d -> browser.all(".form-errors").stream().findFirst().orElse(null));
        assertThat(refused.getText()).contains("locked");
        assertThat(browser.find("#reply-body").getAttribute("value")).isEqualTo("Is it still there?");
    }

    @Test
    void a_validation_error_shows_beside_its_field_and_keeps_what_was_typed() {
        browser.signIn("kenji", Community.PASSWORD);
        browser.go("/boards/cycling-tours." + community.cycling.id().value() + "/post-thread");
        String body = "Three days, two ferries, one puncture.\n\nMore soon.";
        browser.type("#title", "   ").type("#body", body);
        browser.click(".stacked-form button[type=submit]");
        WebElement error = browser.await(d -> browser.all("#title-error").stream().findFirst().orElse(null));
        assertThat(error.getText()).isEqualTo("Title is required.");
        assertThat(browser.find("#title").getAttribute("aria-describedby")).isEqualTo("title-error");
        assertThat(browser.find("#body").getAttribute("value")).isEqualTo(body);
    }

    @Test
    void pagination_and_top_and_bottom_work_on_a_thread_of_100_posts() {
        browser.forget().go("/threads/ferry-log-one-crossing-a-day." + community.longThread.value() + "/");
        assertThat(browser.all(".posts .post")).hasSize(20);
        assertThat(browser.all(".pagination")).hasSize(2);
        assertThat(browser.find(".pagination").getText()).contains("1").contains("2").contains("3").contains("5").contains("Next");
        browser.click(".pagination .page-next");
        browser.await(d -> browser.path().endsWith("/page-2"));
        assertThat(browser.find(".posts .post .permalink").getText()).isEqualTo("#21");
        browser.click(".pagination a[href$='/page-5']");
        browser.await(d -> browser.path().endsWith("/page-5"));
        assertThat(browser.all(".posts .post")).hasSize(20);
        assertThat(browser.all(".posts .post .permalink").get(19).getText()).isEqualTo("#100");
        assertThat(browser.has(".pagination .page-next")).isFalse();

        browser.click(".page-actions a[href='#bottom']");
        browser.await(d -> browser.scrollY() > 1000 && (Boolean) browser.js(
                "var r = document.getElementById('bottom').getBoundingClientRect(); return r.top < window.innerHeight;"));
        browser.click(".page-actions a[href='#top']");
        browser.await(d -> browser.scrollY() == 0);
    }

    @Test
    void screenshots_of_the_main_pages_at_desktop_and_phone_sizes() throws Exception {
        record Shot(String name, String path, String who) {
        }
        Shot[] shots = {
                new Shot("board-index", "/", null),
                new Shot("board", "/boards/japan-and-korea." + community.japan.id().value() + "/", null),
                new Shot("thread", threadPath(community.ferry), "mina"),
                new Shot("profile", "/members/kenji." + community.kenji.id().value() + "/", null)};
        for (Shot s : shots) {
            if (s.who() == null) {
                browser.forget();
            } else {
                browser.signIn(s.who(), Community.PASSWORD);
            }
            for (int[] size : new int[][]{{1280, 800}, {390, 844}}) {
                browser.viewport(size[0], size[1]).go(s.path());
                Path file = browser.screenshot(s.name(), size[0], size[1]);
                assertThat(Files.size(file)).isGreaterThan(5_000);
                // nothing wider than the window: the page reflows instead of scrolling sideways
                assertThat(((Number) browser.js("return document.documentElement.scrollWidth;")).intValue())
                        .as(s.name() + " at " + size[0]).isLessThanOrEqualTo(size[0]);
            }
        }
        browser.viewport(1280, 800);
    }

    @Test
    void everything_works_with_javascript_off() {
        try (Browser plain = Browser.open("http://127.0.0.1:" + server.app.port(), false)) {
            Post opening = community.forum.threads().start(Community.as(community.mina), community.cycling.id(),
                    "Puncture kits that fit in a saddle bag", "Which one do you carry?");
            plain.signIn("kenji", Community.PASSWORD);
            plain.go(threadPath(opening));
            String before = plain.find(".reaction-score").getText();
            plain.click(".post:first-of-type .react-button[data-type='wow']");
            // the form was posted and the browser sent to the post's anchor: the script, had it run, would have stayed put
            plain.await(d -> plain.path().endsWith("#post-" + opening.id().value()));
            assertThat(Integer.parseInt(plain.find(".reaction-score").getText())).isEqualTo(Integer.parseInt(before) + 1);
            plain.click("#post-" + opening.id().value() + " .js-quote");
            plain.await(d -> plain.path().contains("/reply?quote=" + opening.id().value()));
            assertThat(plain.find("#reply-body").getAttribute("value")).startsWith("[quote=mina post=" + opening.id().value() + "]");
            plain.find("#reply-body").sendKeys("The small one with glueless patches.");
            plain.click(".reply-form button[type=submit]");
            plain.await(d -> plain.path().matches(".*#post-\\d+"));
            assertThat(plain.find("#" + plain.path().replaceAll(".*#", "") + " blockquote.quote").getText()).contains("mina said:");
        }
    }

    private static void register(String name) {
        browser.forget().go("/register");
        browser.type("#username", name).type("#email", name + "@example.org").type("#password", Community.PASSWORD);
        browser.click(".stacked-form button[type=submit]");
        browser.await(d -> browser.has(".account-nav .me"));
    }

    /** The reaction score on the cards of the member's posts on this page (the first card found). */
    private static String score(String username) {
        for (WebElement post : browser.all(".post")) {
            if (post.findElement(org.openqa.selenium.By.cssSelector(".username")).getText().equals(username)) {
                return post.findElement(org.openqa.selenium.By.cssSelector(".reaction-score")).getText();
            }
        }
        throw new AssertionError("no post by " + username + " on " + browser.path());
    }
}
