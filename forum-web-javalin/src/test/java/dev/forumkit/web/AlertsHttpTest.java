package dev.forumkit.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forumkit.core.Forum;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Pbkdf2PasswordHasher;
import dev.forumkit.core.memory.InMemoryForumStorage;
import dev.forumkit.core.post.Post;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.forumkit.markup.ForumMarkupRenderer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alerts over the real server, JSON and pages: the header count, the alerts page and its forms, marking read, and
 * that nobody reads or marks another member's alerts, nor sees what a deletion hid through an alert.
 */
class AlertsHttpTest {
    @RegisterExtension
    static final Fixture f = Fixture.perClass(() -> Forum.create(new InMemoryForumStorage(), c -> c
            .passwordHasher(new Pbkdf2PasswordHasher(1_000)).viewFlushInterval(Duration.ZERO)
            .markupRenderer(ForumMarkupRenderer.create()))); // quotes and @mentions need the real markup
    private static final String FORM = "application/x-www-form-urlencoded";

    private static Client.Response form(Client c, String path, String... pairs) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            out.append(out.length() == 0 ? "" : "&").append(pairs[i]).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return c.send("POST", path, out.toString(), "Content-Type", FORM);
    }

    /** Ann starts a thread and watches it; Ben replies quoting her and mentioning Cat. */
    private record Story(Member ann, Member ben, Member cat, Post opening, long replyId, int replyNumber) {
    }

    private static Story story() {
        Member ann = f.member("ann");
        Member ben = f.member("ben");
        Member cat = f.member("cat");
        Post opening = f.forum.threads().start(Fixture.as(ann), f.board.id(), "Ramen in Sapporo", "Where to eat?");
        Client annClient = f.signedIn(ann);
        assertThat(annClient.put("/api/v1/threads/" + opening.threadId().value() + "/watch", "{\"email\":true}").status())
                .isEqualTo(200);
        Client benClient = f.signedIn(ben);
        Client.Response r = benClient.post("/api/v1/threads/" + opening.threadId().value() + "/posts",
                "{\"body\":\"[quote=" + ann.username() + " post=" + opening.id().value() + "]Where to eat?[/quote]\\nAsk @"
                        + cat.username() + ", she lived there.\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        f.forum.outbox().drain();
        JsonNode reply = r.json().path("post");
        return new Story(ann, ben, cat, opening, reply.path("id").asLong(), reply.path("number").asInt());
    }

    @Test
    void the_quoted_and_the_mentioned_member_get_one_alert_each_linking_to_the_reply() {
        Story s = story();
        JsonNode ann = f.signedIn(s.ann()).get("/api/v1/alerts").json();
        assertThat(ann.path("unread_count").asLong()).isEqualTo(1);
        assertThat(ann.path("pagination").path("total").asLong()).isEqualTo(1);
        JsonNode quote = ann.path("alerts").path(0);
        assertThat(quote.path("kind").asText()).isEqualTo("quote");
        assertThat(quote.path("post_id").asLong()).isEqualTo(s.replyId());
        assertThat(quote.path("thread_title").asText()).isEqualTo("Ramen in Sapporo");
        assertThat(quote.path("latest_actor").path("username").asText()).isEqualTo(s.ben().username());
        assertThat(quote.path("is_read").asBoolean()).isFalse();
        assertThat(quote.path("content_visible").asBoolean()).isTrue();

        Client cat = f.signedIn(s.cat());
        assertThat(cat.get("/api/v1/me").json().path("unread_alerts").asLong()).isEqualTo(1);
        assertThat(cat.get("/api/v1/alerts").json().path("alerts").path(0).path("kind").asText()).isEqualTo("mention");
        assertThat(f.signedIn(s.ben()).get("/api/v1/alerts").json().path("unread_count").asLong()).isZero();
    }

    @Test
    void the_header_shows_the_count_to_members_only_and_the_page_links_to_the_post() {
        Story s = story();
        Client ann = f.signedIn(s.ann());
        String thread = ann.get("/").body();
        assertThat(thread).contains("class=\"alerts-link\"").contains("data-unread=\"1\"");
        assertThat(f.guest().get("/").body()).doesNotContain("alerts-link");

        Client.Response page = ann.get("/alerts/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("alert-unread").contains("quoted your post in")
                .contains("href=\"/posts/" + s.replyId() + "/\"").contains(">Ramen in Sapporo</a>");
        Client.Response post = ann.get("/posts/" + s.replyId() + "/");
        assertThat(post.status()).isEqualTo(302);
        assertThat(post.header("Location")).isEqualTo("/threads/ramen-in-sapporo." + s.opening().threadId().value() + "/#post-" + s.replyId());
    }

    @Test
    void reading_the_thread_marks_ones_own_alerts_about_it_read_and_nobody_elses() {
        Story s = story();
        Client ann = f.signedIn(s.ann());
        Client cat = f.signedIn(s.cat());
        String threadPath = "/threads/ramen-in-sapporo." + s.opening().threadId().value() + "/";
        assertThat(ann.get("/").body()).contains("data-unread=\"1\"");

        assertThat(ann.get(threadPath).status()).isEqualTo(200); // ann reads the reply that quotes her
        assertThat(ann.get("/").body()).contains("class=\"alerts-link\"").doesNotContain("data-unread=");
        assertThat(ann.get("/api/v1/me").json().path("unread_alerts").asLong()).isZero();
        assertThat(ann.get("/api/v1/alerts").json().path("alerts").path(0).path("is_read").asBoolean()).isTrue();
        assertThat(cat.get("/api/v1/me").json().path("unread_alerts").asLong())
                .as("cat's mention in the same post is cat's to read").isEqualTo(1);

        assertThat(cat.get(threadPath).status()).isEqualTo(200);
        assertThat(cat.get("/").body()).doesNotContain("data-unread=");
        assertThat(f.signedIn(s.ben()).get("/api/v1/me").json().path("unread_alerts").asLong()).isZero();
    }

    @Test
    void reactions_of_several_members_are_one_entry_until_read_and_mark_read_forms_work() {
        Member ann = f.member("ann");
        Post p = f.forum.threads().start(Fixture.as(ann), f.board.id(), "Onsen etiquette", "Towels in the water?");
        for (Member m : new Member[]{f.member("kenji"), f.member("yuki"), f.member("sora"), f.mia}) {
            f.forum.reactions().react(Fixture.as(m), p.id(), "like");
        }
        f.forum.outbox().drain();
        Client c = f.signedIn(ann);
        JsonNode list = c.get("/api/v1/alerts").json();
        assertThat(list.path("unread_count").asLong()).isEqualTo(4);
        assertThat(list.path("alerts")).hasSize(1);
        assertThat(list.path("alerts").path(0).path("other_actors").asInt()).isEqualTo(3);
        assertThat(c.get("/alerts/").body()).contains("mia</a>").contains("and 3 others").contains("reacted to your post");

        long id = list.path("alerts").path(0).path("id").asLong();
        Client.Response r = form(c, "/alerts/" + id + "/read", "page", "1");
        assertThat(r.status()).isEqualTo(303);
        assertThat(r.header("Location")).isEqualTo("/alerts/#alerts");
        assertThat(c.get("/api/v1/me").json().path("unread_alerts").asLong()).isZero();
        assertThat(c.get("/alerts/").body()).doesNotContain("data-unread=").doesNotContain("alert-unread");

        f.forum.reactions().react(Fixture.as(f.pat), p.id(), "like");
        f.forum.outbox().drain();
        assertThat(c.get("/api/v1/me").json().path("unread_alerts").asLong()).isEqualTo(1);
        r = form(c, "/alerts/read-all");
        assertThat(r.status()).isEqualTo(303);
        assertThat(c.get("/api/v1/alerts").json().path("unread_count").asLong()).isZero();
        assertThat(c.post("/api/v1/alerts/read-all", null).json().path("marked_read").asInt()).isZero();
    }

    @Test
    void nobody_reads_or_marks_another_members_alerts() {
        Story s = story();
        Client ann = f.signedIn(s.ann());
        long annsAlert = ann.get("/api/v1/alerts").json().path("alerts").path(0).path("id").asLong();
        Client ben = f.signedIn(s.ben());
        Client.Response r = ben.post("/api/v1/alerts/" + annsAlert + "/read", null);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.errorCode()).isEqualTo("not_found");
        assertThat(form(ben, "/alerts/" + annsAlert + "/read").status()).isEqualTo(404);
        assertThat(f.signedIn(f.admin).post("/api/v1/alerts/" + annsAlert + "/read", null).status()).isEqualTo(404);
        assertThat(ann.get("/api/v1/alerts").json().path("unread_count").asLong()).isEqualTo(1);
        assertThat(ben.get("/api/v1/alerts").body()).doesNotContain("Ramen in Sapporo");

        Client guest = f.guest();
        assertThat(guest.get("/api/v1/alerts").status()).isEqualTo(401);
        assertThat(guest.post("/api/v1/alerts/" + annsAlert + "/read", null).status()).isEqualTo(401);
        Client.Response page = guest.get("/alerts/");
        assertThat(page.status()).isEqualTo(401);
        assertThat(page.body()).contains("You must be logged in to do that").doesNotContain("Ramen");
        assertThat(guest.get("/api/v1/alerts/x/read").status()).isEqualTo(405);
    }

    @Test
    void an_alert_about_a_post_deleted_since_keeps_its_title_and_link_to_itself() {
        Member ann = f.member("ann");
        Post opening = f.forum.threads().start(Fixture.as(ann), f.board.id(), "Secret izakaya list", "Tell me yours");
        Post reply = f.forum.posts().reply(Fixture.as(f.mia), opening.threadId(), "@" + ann.username() + " try Torikizoku").post();
        f.forum.outbox().drain();
        f.forum.posts().delete(Fixture.as(f.moderator), reply.id(), "spam");
        Client c = f.signedIn(ann);
        JsonNode alert = c.get("/api/v1/alerts").json().path("alerts").path(0);
        assertThat(alert.path("kind").asText()).isEqualTo("mention");
        assertThat(alert.path("content_visible").asBoolean()).isFalse();
        assertThat(alert.path("thread_title").isNull()).isTrue();
        assertThat(alert.toString()).doesNotContain("Secret izakaya").doesNotContain("Torikizoku");
        String page = c.get("/alerts/").body();
        assertThat(page).contains("mentioned you in").contains("no longer available")
                .doesNotContain("Secret izakaya").doesNotContain("/posts/" + reply.id().value() + "/");
        // staff may still see deleted posts, so their alert keeps the link
    }
}
