package dev.forumkit.web;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.forumkit.core.Actor;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.Category;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Registration;
import dev.forumkit.core.post.Post;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Notification e-mails on the real server through a real SMTP server (GreenMail): content, headers, unsubscribing. */
class NotificationEmailHttpTest {
    @RegisterExtension
    static final GreenMailExtension SMTP = MailWorld.smtpServer();
    private MailWorld world;
    private TestServer server;
    private Member ann;
    private Post opening;
    private Client bob;

    @BeforeEach
    void start() {
        world = new MailWorld(SMTP, c -> { });
        Member admin = world.forum.members().registerFirstAdmin(new Registration("admin", "admin@example.org", Fixture.PASSWORD));
        ann = world.forum.members().register(new Registration("ann", "ann@example.org", Fixture.PASSWORD));
        world.forum.members().register(new Registration("bob", "bob@example.org", Fixture.PASSWORD));
        Category travel = world.forum.boards().createCategory(Actor.member(admin.id()), "Travel", "Trips");
        Board japan = world.forum.boards().createBoard(Actor.member(admin.id()), travel.id(), "Japan", "All things Japan", null);
        opening = world.forum.threads().start(Actor.member(ann.id()), japan.id(), "Kyoto & <spring>", "When do they bloom?");
        world.forum.watching().watchThread(Actor.member(ann.id()), opening.threadId(), true);
        world.drain();
        server = TestServer.start(world.forum, c -> { });
        bob = server.client().signIn("bob", Fixture.PASSWORD);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void reply(String body) {
        assertThat(bob.post("/api/v1/threads/" + opening.threadId().value() + "/posts", "{\"body\":\"" + body + "\"}").status())
                .isEqualTo(201);
        world.drain();
    }

    @Test
    void aWatcherGetsOneEmailWithUnsubscribeHeadersAndTheLinkWorksWithOneClick() throws Exception {
        reply("Early <b>April</b>");
        reply("Or late March");

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(MailWorld.recipients(received)).containsExactly("ann@example.org"); // one, and none to bob
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo("bob replied to the thread \"Kyoto & <spring>\"");
        assertThat(MailWorld.html(mail)).contains("Early &lt;b&gt;April&lt;/b&gt;").contains("Kyoto &amp; &lt;spring&gt;");
        String link = MailWorld.link(mail, "/unsubscribe/");
        assertThat(mail.getHeader("List-Unsubscribe", null)).isEqualTo("<" + MailWorld.PUBLIC_URL + link + ">");
        assertThat(mail.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");

        Client.Response confirm = server.client().get(link);
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.body()).contains("Stop e-mails about replies in the thread");
        assertThat(world.forum.watching().threadWatch(Actor.member(ann.id()), opening.threadId()).orElseThrow().email()).isTrue();

        // what a mail program does for RFC 8058: a POST without cookies
        Client.Response done = server.client().send("POST", link, "List-Unsubscribe=One-Click",
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).contains("Done: you get no more");
        assertThat(world.forum.watching().threadWatch(Actor.member(ann.id()), opening.threadId()).orElseThrow().email()).isFalse();

        server.client().signIn("ann", Fixture.PASSWORD).get("/threads/kyoto-spring." + opening.threadId().value() + "/");
        world.forum.flushViews();
        reply("A third reply");
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
    }

    @Test
    void readingTheThreadAllowsTheNextEmail() {
        reply("one");
        Client annBrowser = server.client().signIn("ann", Fixture.PASSWORD);
        assertThat(annBrowser.get("/threads/x." + opening.threadId().value() + "/").status()).isLessThan(400);
        world.forum.flushViews();
        reply("two");

        assertThat(MailWorld.recipients(SMTP.getReceivedMessages())).containsExactly("ann@example.org", "ann@example.org");
    }

    @Test
    void anUnknownUnsubscribeLinkSaysSo() {
        Client.Response r = server.client().get("/unsubscribe/" + "x".repeat(43));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body()).contains("This unsubscribe link is unknown");
    }
}
