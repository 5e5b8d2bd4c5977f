package dev.forumkit.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.post.Post;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Watch buttons, watched lists, alert preferences and ignoring members, as plain forms and as JSON, on the real
 * server: what a form changes is what the API then reports, and the other way round.
 */
class WatchingHttpTest {
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

    @Test
    void a_thread_is_watched_with_the_form_listed_and_unwatched_from_the_list() {
        Member ann = f.member("ann");
        Post p = f.forum.threads().start(Fixture.as(f.pat), f.board.id(), "Night buses", "Any in Osaka?");
        String thread = "/threads/night-buses." + p.threadId().value() + "/";
        Client c = f.signedIn(ann);
        assertThat(c.get(thread).body()).contains("action=\"" + thread + "watch\"").contains("also by e-mail");
        assertThat(f.guest().get(thread).body()).doesNotContain(thread + "watch");

        Client.Response r = form(c, thread + "watch", "email", "1");
        assertThat(r.status()).isEqualTo(303);
        assertThat(r.header("Location")).isEqualTo(thread);
        assertThat(c.get(thread).body()).contains("You watch this thread (with e-mail)").contains(thread + "unwatch");
        JsonNode listed = c.get("/api/v1/me/watched-threads").json();
        assertThat(listed.path("threads").path(0).path("thread_id").asLong()).isEqualTo(p.threadId().value());
        assertThat(listed.path("threads").path(0).path("email").asBoolean()).isTrue();
        assertThat(listed.path("pagination").path("total").asLong()).isEqualTo(1);
        assertThat(c.get("/watched/threads").body()).contains(">Night buses</a>").contains("E-mail");

        f.forum.posts().reply(Fixture.as(f.mia), p.threadId(), "The Willer overnight bus.");
        f.forum.outbox().drain();
        assertThat(c.get("/api/v1/alerts").json().path("alerts").path(0).path("kind").asText()).isEqualTo("reply");

        r = form(c, "/threads/" + p.threadId().value() + "/unwatch", "back", "watched");
        assertThat(r.status()).isEqualTo(303);
        assertThat(r.header("Location")).isEqualTo("/watched/threads");
        assertThat(c.get("/watched/threads").body()).contains("You watch no threads");
        assertThat(c.get("/api/v1/me/watched-threads").json().path("threads")).isEmpty();
    }

    @Test
    void the_json_twins_watch_and_unwatch_threads_and_boards() {
        Member ann = f.member("ann");
        Client c = f.signedIn(ann);
        long board = f.board.id().value();
        JsonNode w = c.put("/api/v1/boards/" + board + "/watch", "{\"every_post\":true,\"email\":true}").json().path("watch");
        assertThat(w.path("board_id").asLong()).isEqualTo(board);
        assertThat(w.path("every_post").asBoolean()).isTrue();
        assertThat(c.get("/api/v1/me/watched-boards").json().path("boards").path(0).path("title").asText()).isEqualTo("Japan");
        assertThat(c.get("/boards/japan." + board + "/").body()).contains("You watch this board: every post, with e-mail");
        assertThat(c.delete("/api/v1/boards/" + board + "/watch").status()).isEqualTo(204);
        assertThat(c.get("/api/v1/me/watched-boards").json().path("pagination").path("total").asLong()).isZero();

        assertThat(c.put("/api/v1/threads/" + f.threadId() + "/watch", null).json().path("watch").path("email").asBoolean()).isFalse();
        assertThat(c.delete("/api/v1/threads/" + f.threadId() + "/watch").status()).isEqualTo(204);
        assertThat(c.put("/api/v1/threads/999999/watch", null).status()).isEqualTo(404);
        assertThat(c.put("/api/v1/threads/" + f.threadId() + "/watch", "{\"email\":\"often\"}").status()).isEqualTo(422);
        assertThat(c.get("/api/v1/me/watched-threads?page=0").status()).isEqualTo(422);
        assertThat(f.guest().put("/api/v1/threads/" + f.threadId() + "/watch", null).status()).isEqualTo(401);
    }

    @Test
    void a_board_is_watched_for_every_post_with_the_form_and_new_threads_alert() {
        Member ann = f.member("ann");
        Client c = f.signedIn(ann);
        String board = "/boards/japan." + f.board.id().value() + "/";
        assertThat(c.get(board).body()).contains("action=\"" + board + "watch\"").contains("Every post");
        Client.Response r = form(c, board + "watch", "notify", "new_threads");
        assertThat(r.status()).isEqualTo(303);
        assertThat(r.header("Location")).isEqualTo(board);
        assertThat(c.get("/watched/boards").body()).contains(">Japan</a>").contains("New threads only");
        f.forum.threads().start(Fixture.as(f.mia), f.board.id(), "Shinkansen passes", "Worth it?");
        f.forum.outbox().drain();
        assertThat(c.get("/alerts/").body()).contains("started a new thread").contains("Shinkansen passes").contains("in Japan");
        assertThat(form(c, board + "unwatch", "back", "watched").header("Location")).isEqualTo("/watched/boards");
        assertThat(c.get("/watched/boards").body()).contains("You watch no boards");
    }

    @Test
    void preferences_are_saved_by_the_form_and_by_json_and_bad_values_are_refused() {
        Member ann = f.member("ann");
        Client c = f.signedIn(ann);
        String page = c.get("/account/alert-preferences").body();
        assertThat(page).contains("name=\"kind_reaction\"").contains("name=\"auto_watch\" value=\"1\" checked");
        Client.Response r = form(c, "/account/alert-preferences", "kind_reaction", "off", "kind_quote", "email");
        assertThat(r.status()).isEqualTo(303);
        JsonNode p = c.get("/api/v1/me/alert-preferences").json().path("preferences");
        assertThat(p.path("deliveries").path("reaction").asText()).isEqualTo("off");
        assertThat(p.path("deliveries").path("quote").asText()).isEqualTo("email");
        assertThat(p.path("deliveries").path("reply").asText()).isEqualTo("on_site");
        assertThat(p.path("auto_watch").asBoolean()).as("an unticked box is off").isFalse();

        p = c.put("/api/v1/me/alert-preferences", "{\"deliveries\":{\"reaction\":\"on_site\"},\"auto_watch\":true,\"auto_watch_email\":true}")
                .json().path("preferences");
        assertThat(p.path("deliveries").path("reaction").asText()).isEqualTo("on_site");
        assertThat(p.path("deliveries").path("quote").asText()).as("kinds not sent keep their delivery").isEqualTo("email");
        assertThat(p.path("auto_watch_email").asBoolean()).isTrue();

        r = c.put("/api/v1/me/alert-preferences", "{\"deliveries\":{\"reaction\":\"loudly\"}}");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().path("errors").path(0).path("field").asText()).isEqualTo("deliveries.reaction");
        r = c.put("/api/v1/me/alert-preferences", "{\"deliveries\":{\"gossip\":\"off\"}}");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.errorCode()).isEqualTo("unknown_kind");
        assertThat(c.get("/api/v1/me/alert-preferences").json().path("preferences").path("deliveries").path("reaction").asText())
                .isEqualTo("on_site");
    }

    @Test
    void members_ignore_each_other_from_the_profile_but_never_staff_nor_themselves() {
        Member ann = f.member("ann");
        Member troll = f.member("troll");
        Client c = f.signedIn(ann);
        String profile = "/members/" + troll.username() + "." + troll.id().value() + "/";
        assertThat(c.get(profile).body()).contains("action=\"" + profile + "ignore\"");
        assertThat(c.get("/members/" + ann.username() + "." + ann.id().value() + "/").body()).doesNotContain("ignore\"");
        Client.Response r = form(c, profile + "ignore");
        assertThat(r.status()).isEqualTo(303);
        assertThat(r.header("Location")).isEqualTo(profile);
        assertThat(c.get(profile).body()).contains(profile + "unignore");
        assertThat(c.get("/api/v1/me/ignored").json().path("members").path(0).path("username").asText()).isEqualTo(troll.username());
        assertThat(c.get("/account/alert-preferences").body()).contains(">" + troll.username() + "</a>");

        Post p = f.forum.threads().start(Fixture.as(ann), f.board.id(), "Quiet please", "Hello");
        f.forum.posts().reply(Fixture.as(troll), p.threadId(), "@" + ann.username() + " noise");
        f.forum.outbox().drain();
        assertThat(c.get("/api/v1/alerts").json().path("unread_count").asLong()).isZero();

        r = form(c, profile + "unignore", "back", "preferences");
        assertThat(r.header("Location")).isEqualTo("/account/alert-preferences");
        assertThat(c.get("/api/v1/me/ignored").json().path("members")).isEmpty();

        String staff = "/members/moderator." + f.moderator.id().value() + "/";
        r = form(c, staff + "ignore");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).contains("data-error-code=\"not_allowed\"").contains("cannot be ignored")
                .contains("<h1 id=\"profile-name\">moderator</h1>");
        assertThat(c.put("/api/v1/members/" + f.moderator.id().value() + "/ignore", null).status()).isEqualTo(403);
        r = c.put("/api/v1/members/" + ann.id().value() + "/ignore", null);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().path("errors").path(0).path("field").asText()).isEqualTo("member");
        r = form(c, "/members/ann." + ann.id().value() + "/ignore");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("class=\"field-error\" id=\"member-error\"").contains("You cannot ignore yourself");
        assertThat(c.put("/api/v1/members/999999/ignore", null).status()).isEqualTo(404);
    }
}
