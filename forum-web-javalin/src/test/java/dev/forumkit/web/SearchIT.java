package dev.forumkit.web;

import dev.forumkit.core.Forum;
import dev.forumkit.core.post.Post;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search in a real Chromium with JavaScript off: a visitor types into the header's search box, reads the highlighted
 * results and follows one to the post on its thread page; the advanced form narrows by member and titles.
 */
class SearchIT {
    private static Community community;
    @RegisterExtension
    static final TestServer server = TestServer.perClass(SearchIT::community);
    private static Browser browser;

    private static Forum community() {
        community = new Community();
        community.forum.outbox().drain();
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
    void theHeaderBoxFindsAPostAndItsLinkLandsOnThePost() {
        Post day77 = community.longPosts.get(76);
        assertThat(day77.number()).isEqualTo(77);

        browser.forget().go("/");
        browser.type("#header-q", "\"day 77\"");
        browser.click(".header-search button[type=submit]");
        browser.await(d -> browser.has(".search-results"));

        List<WebElement> results = browser.all(".search-result");
        assertThat(results).hasSize(1);
        assertThat(results.get(0).findElement(org.openqa.selenium.By.cssSelector(".search-snippet mark")).getText())
                .isEqualToIgnoringCase("Day 77");
        browser.screenshot("search", 1280, 800);
        browser.click(".search-result .search-title a");
        browser.await(d -> browser.path().contains("#post-" + day77.id().value()));

        assertThat(browser.path()).startsWith("/threads/").contains("/page-4#post-" + day77.id().value());
        WebElement post = browser.find("#post-" + day77.id().value());
        assertThat(post.getText()).contains("Day 77:");
    }

    @Test
    void theAdvancedFormNarrowsByMemberAndTitles() {
        browser.forget().go("/search/");
        browser.type("#search-q", "ferry");
        browser.type("#search-author", "mina");
        browser.click("input[name=titles]");
        browser.click(".search-form button[type=submit]");
        browser.await(d -> browser.has(".search-summary"));

        List<WebElement> results = browser.all(".search-result");
        assertThat(results).hasSize(1);
        assertThat(results.get(0).findElement(org.openqa.selenium.By.cssSelector(".search-title")).getText())
                .contains("Ferry log: one crossing a day");
        assertThat(browser.find("#search-author").getAttribute("value")).isEqualTo("mina");
        assertThat(browser.find("input[name=titles]").isSelected()).isTrue();

        assertThat(browser.find("#search-q").isDisplayed()).isFalse(); // folded away under the results
        browser.click(".search-form-block summary");
        browser.type("#search-q", "");
        browser.type("#search-author", "");
        browser.click(".search-form button[type=submit]");
        browser.await(d -> browser.has(".form-errors, .field-error"));
        assertThat(browser.find(".field-error").getText()).contains("Enter a word to search for");
    }
}
