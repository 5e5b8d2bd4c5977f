package dev.forumkit.web;

import dev.forumkit.core.Actor;
import dev.forumkit.core.conversation.ConversationId;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Registration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Private conversations in a real Chromium with JavaScript off (plain forms and links only): two members hold a
 * conversation and invite a third later, who then reads the whole history, as in XenForo; the header's inbox count
 * leads each to it. An outsider gets 404 on every conversation URL and API path of it, whatever the method.
 */
class ConversationsIT {
    @RegisterExtension
    static final TestServer server = TestServer.perClass(() -> new Community().forum);
    private static Browser browser;

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
        return server.forum.members().register(new Registration(name, name + "@example.org", Community.PASSWORD));
    }

    private static void reply(String conversation, String text) {
        browser.go(conversation);
        browser.type("#conversation-reply textarea", text);
        browser.click("#conversation-reply button[type=submit]");
        browser.await(d -> browser.path().matches("/conversations/\\d+/#message-\\d+"));
    }

    private static String inboxCount() {
        return browser.has(".badge-conversations") ? browser.find(".badge-conversations").getText() : "0";
    }

    @Test
    void two_members_talk_invite_a_third_who_reads_everything_and_an_outsider_finds_nothing() {
        String n = Long.toString(System.nanoTime() % 100_000);
        Member ann = member("ann" + n);
        Member bob = member("bob" + n);
        Member cat = member("cat" + n);
        Member dan = member("dan" + n);

        // ann starts the conversation with bob through the start form
        browser.signIn(ann.username(), Community.PASSWORD);
        browser.click(".conversations-link");
        browser.click("#start-conversation");
        browser.type("#recipients", bob.username()).type("#title", "Tour planning " + n)
                .type("#body", "Shall we ride to **Kyoto** in spring?");
        browser.click("#start-conversation-form button[type=submit]");
        browser.await(d -> browser.path().matches("/conversations/\\d+/"));
        String here = browser.path();
        long id = Long.parseLong(here.replaceAll("\\D", ""));
        assertThat(browser.find("#conversation-title").getText()).isEqualTo("Tour planning " + n);
        assertThat(browser.find(".message .post-body").getAttribute("innerHTML")).contains("<strong>Kyoto</strong>");

        // bob sees one unread conversation in the header, opens it from his list and replies
        browser.signIn(bob.username(), Community.PASSWORD);
        assertThat(inboxCount()).isEqualTo("1");
        browser.click(".conversations-link");
        browser.click(".conversation-item.is-unread .conversation-title");
        browser.await(d -> browser.path().equals(here));
        assertThat(browser.find(".message .post-body").getText()).contains("Shall we ride to Kyoto in spring?");
        reply(here, "Yes! Early April, for the blossom.");
        assertThat(inboxCount()).isEqualTo("0");

        // ann answers and invites cat with the invite form
        browser.signIn(ann.username(), Community.PASSWORD);
        assertThat(inboxCount()).isEqualTo("1");
        reply(here, "Then let us ask cat too.");
        browser.type("#conversation-invite input[name=recipients]", cat.username());
        browser.click("#conversation-invite button[type=submit]");
        browser.await(d -> browser.has(".participant[data-member='" + cat.id().value() + "']"));

        // cat, invited later, reads the whole history
        browser.signIn(cat.username(), Community.PASSWORD);
        assertThat(inboxCount()).isEqualTo("1");
        browser.go(here);
        List<String> bodies = browser.all(".message .post-body").stream().map(e -> e.getText().strip()).toList();
        assertThat(bodies).containsExactly("Shall we ride to Kyoto in spring?", "Yes! Early April, for the blossom.",
                "Then let us ask cat too.");
        assertThat(browser.all(".participant")).extracting(e -> e.getText().strip())
                .containsExactly(ann.username(), bob.username(), cat.username());
        reply(here, "Count me in.");

        // dan, an outsider, is told the conversation does not exist, in the browser and on every path of it
        browser.signIn(dan.username(), Community.PASSWORD);
        browser.go(here);
        assertThat(browser.find("main").getText()).doesNotContain("Tour planning").doesNotContain("Kyoto");
        assertThat(browser.all(".message")).isEmpty();
        long message = server.forum.conversations().read(Actor.member(ann.id()), ConversationId.of(id), 1)
                .messages().items().get(0).message().id().value();
        Client outsider = server.client().signIn(dan.username(), Community.PASSWORD);
        int checked = 0;
        for (ForumRoute route : server.plugin.routes()) {
            String p = route.path();
            if (!p.contains("{conversationId}") && !p.contains("{conversation}") && !p.contains("{messageId}")) {
                continue;
            }
            String path = p.replace("{conversationId}", Long.toString(id)).replace("{conversation}", Long.toString(id))
                    .replace("{messageId}", Long.toString(message)).replace("{page}", "1");
            boolean page = !p.startsWith("/api/");
            String body = !route.changesState() ? null : page ? "body=hi&recipients=" + dan.username() + "&reason=x"
                    : "{\"body\":\"hi\",\"recipients\":[\"" + dan.username() + "\"],\"reason\":\"x\"}";
            String[] headers = page && route.changesState()
                    ? new String[] {"Content-Type", "application/x-www-form-urlencoded"} : new String[0];
            Client.Response r = outsider.send(route.method(), path, body, headers);
            assertThat(r.status()).as(route.method() + " " + path + ": " + r).isEqualTo(404);
            assertThat(r.body()).doesNotContain("Tour planning").doesNotContain("Kyoto");
            checked++;
        }
        assertThat(checked).isEqualTo(17);
        // nothing the outsider sent got in
        assertThat(server.forum.conversations().read(Actor.member(ann.id()), ConversationId.of(id), 1).messages().total())
                .isEqualTo(4);
        assertThat(server.forum.conversations().read(Actor.member(ann.id()), ConversationId.of(id), 1).participants())
                .hasSize(3);
    }
}
