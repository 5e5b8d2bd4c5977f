package dev.forumkit.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.Slugs;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.post.Post;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The approval queue over the real server, JSON and pages: a post on a moderated board is answered 202 and held, its
 * text appears nowhere for other members and guests (thread, board, What's new, search, API, profile) but on its
 * author's thread page as "awaiting approval"; a moderator approves it from the queue page and it is published then;
 * a rejected thread's author reads the reason.
 */
class ApprovalHttpTest {
    @RegisterExtension
    static final Fixture f = Fixture.perClass();
    private static final String FORM = "application/x-www-form-urlencoded";

    private static Client.Response form(Client c, String path, String... pairs) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            out.append(out.length() == 0 ? "" : "&").append(pairs[i]).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return c.send("POST", path, out.toString(), "Content-Type", FORM);
    }

    private static Board moderatedBoard(String title) {
        Board b = f.forum.boards().createBoard(Fixture.as(f.admin), f.category.id(), title, "", "");
        Client.Response set = f.signedIn(f.admin).put("/api/v1/boards/" + b.id().value() + "/moderated", "{\"moderated\":true}");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        return b;
    }

    private static String threadPage(Post first) {
        String title = f.forum.reading().thread(Fixture.as(f.admin), first.threadId()).thread().title();
        return "/threads/" + Slugs.of(title) + "." + first.threadId().value() + "/";
    }

    @Test
    void a_held_reply_is_seen_by_its_author_and_moderators_only_until_approved_from_the_queue() {
        Board board = moderatedBoard("Moderated lounge");
        Post opening = f.forum.threads().start(Fixture.as(f.moderator), board.id(), "Staff welcome", "Say hello below");
        Member newbie = f.member("newbie");
        Client author = f.signedIn(newbie);
        Client.Response posted = author.post("/api/v1/threads/" + opening.threadId().value() + "/posts",
                "{\"body\":\"Hello from quokkasaurus\"}");
        assertThat(posted.status()).as(posted.toString()).isEqualTo(202);
        JsonNode held = posted.json().path("held");
        long heldId = held.path("id").asLong();
        assertThat(held.path("status").asText()).isEqualTo("pending");
        assertThat(held.path("reasons").toString()).contains("moderated");
        f.forum.outbox().drain();

        String page = threadPage(opening);
        Client mia = f.signedIn(f.mia);
        for (Client other : List.of(mia, f.guest())) {
            for (String path : List.of(page, "/boards/" + board.slug() + "." + board.id().value() + "/", "/whats-new/",
                    "/search?q=quokkasaurus", "/api/v1/threads/" + opening.threadId().value(),
                    "/api/v1/search?q=quokkasaurus", "/api/v1/whats-new",
                    "/members/" + Slugs.of(newbie.username()) + "." + newbie.id().value() + "/")) {
                Client.Response r = other.get(path);
                assertThat(r.status()).as(path).isLessThan(400);
                // a search page shows the query itself: the held text is what must not appear
                assertThat(r.body()).as(path).doesNotContain(path.contains("search") ? "Hello from" : "quokkasaurus")
                        .doesNotContain("Awaiting approval");
            }
        }
        assertThat(mia.get("/api/v1/held/" + heldId).status()).isEqualTo(404);
        assertThat(mia.get("/held/" + heldId + "/").status()).isEqualTo(404);
        assertThat(f.forum.reading().thread(Fixture.as(f.mia), opening.threadId()).thread().replyCount()).isZero();

        String own = author.get(page).body();
        assertThat(own).contains("Awaiting approval").contains("quokkasaurus");
        assertThat(author.get("/held/" + heldId + "/").body()).contains("Awaiting approval");
        assertThat(author.get("/api/v1/me/held").json().path("held").path(0).path("id").asLong()).isEqualTo(heldId);

        Client mod = f.signedIn(f.moderator);
        assertThat(mod.get("/moderation/approval/").body()).contains("quokkasaurus").contains("the board is moderated");
        assertThat(mod.get("/api/v1/moderation/approval").json().path("held"))
                .anySatisfy(h -> assertThat(h.path("id").asLong()).isEqualTo(heldId));
        Client.Response approve = form(mod, "/moderation/approval/" + heldId + "/approve");
        assertThat(approve.status()).as(approve.toString()).isEqualTo(303);
        f.forum.outbox().drain();

        assertThat(mia.get(page).body()).contains("quokkasaurus").doesNotContain("Awaiting approval");
        assertThat(mia.get("/api/v1/search?q=quokkasaurus").body()).contains("quokkasaurus");
        assertThat(author.get("/api/v1/held/" + heldId).json().path("held").path("status").asText()).isEqualTo("approved");
        assertThat(f.signedIn(f.admin).get("/api/v1/admin/audit-log?action=post_approve").body()).contains("post_approve");
    }

    @Test
    void a_held_thread_from_the_form_lands_on_its_own_page_and_a_rejection_shows_the_author_why() {
        Board board = moderatedBoard("Moderated market");
        Member seller = f.member("seller");
        Client author = f.signedIn(seller);
        Client.Response posted = form(author, "/boards/" + board.slug() + "." + board.id().value() + "/post-thread",
                "title", "Cheap watches", "body", "Buy now");
        assertThat(posted.status()).as(posted.toString()).isEqualTo(303);
        String location = posted.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/held/");
        long heldId = Long.parseLong(location.replaceAll(".*/held/(\\d+)/$", "$1"));
        assertThat(author.get(location).body()).contains("Awaiting approval").contains("Cheap watches");
        assertThat(f.signedIn(f.mia).get("/boards/" + board.slug() + "." + board.id().value() + "/").body())
                .doesNotContain("Cheap watches");

        Client mod = f.signedIn(f.moderator);
        Client.Response blank = form(mod, "/moderation/approval/" + heldId + "/reject", "reason", " ");
        assertThat(blank.status()).isEqualTo(422);
        Client.Response reject = form(mod, "/moderation/approval/" + heldId + "/reject", "reason", "No advertising here");
        assertThat(reject.status()).as(reject.toString()).isEqualTo(303);

        assertThat(author.get(location).body()).contains("Rejected").contains("No advertising here");
        assertThat(mod.get("/moderation/approval/").body()).doesNotContain("Cheap watches");
        Client.Response again = mod.post("/api/v1/moderation/approval/" + heldId + "/approve", null);
        assertThat(again.status()).isEqualTo(409);
    }
}
