package dev.forumkit.web;

import dev.forumkit.core.Actor;
import dev.forumkit.core.Forum;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Registration;
import dev.forumkit.core.post.Post;
import dev.forumkit.testkit.HostileFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An image attached to a reply in a real Chromium: the member picks a photo in the reply form and posts; the thread
 * shows its thumbnail (loaded, smaller than the photo) and the thumbnail opens the full, re-encoded image.
 */
class AttachmentsIT {
    private static Community community;
    @RegisterExtension
    static final TestServer server = TestServer.perClass(AttachmentsIT::community);
    private static Browser browser;

    private static Forum community() {
        community = new Community();
        return community.forum;
    }

    @BeforeAll
    static void openBrowser() {
        browser = Browser.open("http://127.0.0.1:" + server.app.port(), true);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void a_photo_uploaded_into_a_reply_shows_as_a_thumbnail_that_opens_the_full_image(@TempDir Path dir) throws IOException {
        String n = Long.toString(System.nanoTime() % 100_000);
        Member ayumi = community.forum.members().register(new Registration("ayumi" + n, "ayumi" + n + "@example.org", Community.PASSWORD));
        Post opening = community.forum.threads().start(Actor.member(community.kenji.id()), community.japan.id(),
                "Photos from Nara " + n, "Share yours!");
        Path photo = Files.write(dir.resolve("deer.jpg"), HostileFiles.jpeg(1600, 1200));

        browser.signIn(ayumi.username(), Community.PASSWORD);
        browser.go("/threads/t." + opening.threadId().value() + "/reply");
        browser.await(d -> browser.has("#reply-files"));
        browser.type("#reply-body", "The deer at Todai-ji");
        browser.find("#reply-files").sendKeys(photo.toAbsolutePath().toString());
        browser.click(".reply-form button.button-primary");
        try {
            browser.await(d -> browser.has(".attachment-thumb img"));
        } catch (RuntimeException e) {
            throw new AssertionError("at " + browser.path() + ": " + browser.find("body").getText(), e);
        }

        WebElement thumb = browser.find(".attachment-thumb img");
        browser.await(d -> ((Number) browser.js("return arguments[0].naturalWidth;", thumb)).intValue() > 0);
        assertThat(((Number) browser.js("return arguments[0].naturalWidth;", thumb)).intValue()).isEqualTo(320);
        assertThat(browser.find(".attachment-name").getText()).isEqualTo("deer.jpg");

        browser.click(".attachment-thumb");
        browser.await(d -> browser.path().matches("/attachments/\\d+/deer\\.jpg"));
        browser.await(d -> browser.has("img"));
        assertThat(browser.js("return document.contentType;")).isEqualTo("image/jpeg");
        assertThat(((Number) browser.js("return document.images[0].naturalWidth;")).intValue()).isEqualTo(1600);
    }
}
