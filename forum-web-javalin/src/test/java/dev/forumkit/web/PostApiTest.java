package dev.forumkit.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forumkit.core.post.Post;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Posts and reactions over HTTP: reply, locate, edit, delete, restore, react, unreact, recount. */
class PostApiTest {
    @RegisterExtension
    static final Fixture f = Fixture.perClass();

    @Test
    void a_reply_gets_the_next_number_and_can_be_located() {
        Client mia = f.signedIn(f.mia);
        Client.Response r = mia.post("/api/v1/threads/" + f.threadId() + "/posts", "{\"body\":\"Try the Philosopher's Path.\"}");
        assertThat(r.status()).isEqualTo(201);
        JsonNode post = r.json().path("post");
        assertThat(post.path("number").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(post.path("author").path("username").asText()).isEqualTo("mia");
        assertThat(post.path("body_html").asText()).contains("Philosopher&#39;s Path").doesNotContain("<script");
        JsonNode loc = f.guest().get("/api/v1/posts/" + post.path("id").asLong()).json().path("post_location");
        assertThat(loc.path("thread_id").asLong()).isEqualTo(f.threadId());
        assertThat(loc.path("page").asInt()).isEqualTo(1);
        assertThat(loc.path("anchor").asText()).isEqualTo("post-" + post.path("id").asLong());
        JsonNode hostile = mia.post("/api/v1/threads/" + f.threadId() + "/posts", "{\"body\":\"<script>alert(1)</script>\"}")
                .json().path("post");
        assertThat(hostile.path("body").asText()).isEqualTo("<script>alert(1)</script>");
        assertThat(hostile.path("body_html").asText()).doesNotContain("<script");
        assertThat(mia.post("/api/v1/threads/" + f.threadId() + "/posts", "{\"body\":\"   \"}").status()).isEqualTo(422);
        assertThat(mia.post("/api/v1/threads/999999/posts", "{\"body\":\"x\"}").status()).isEqualTo(404);
        assertThat(f.guest().get("/api/v1/posts/999999").status()).isEqualTo(404);
    }

    @Test
    void authors_edit_their_posts_others_may_not_and_staff_may() {
        Post p = f.forum.posts().reply(Fixture.as(f.mia), f.opening.threadId(), "Frist!").post();
        String path = "/api/v1/posts/" + p.id();
        Client.Response edited = f.signedIn(f.mia).patch(path, "{\"body\":\"First!\"}");
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().path("post").path("body").asText()).isEqualTo("First!");
        assertThat(edited.json().path("post").path("edit_count").asInt()).isEqualTo(1);
        assertThat(edited.json().path("post").path("edited_at").asText()).isNotBlank();
        assertThat(f.signedIn(f.pat).patch(path, "{\"body\":\"mine now\"}").status()).isEqualTo(403);
        assertThat(f.signedIn(f.moderator).patch(path, "{\"body\":\"[tidied]\"}").status()).isEqualTo(200);
        assertThat(f.signedIn(f.mia).patch(path, "{}").status()).isEqualTo(422);
    }

    @Test
    void deleting_a_reply_hides_it_from_members_and_staff_restore_it() {
        Post p = f.forum.posts().reply(Fixture.as(f.mia), f.opening.threadId(), "Oops, wrong thread").post();
        String path = "/api/v1/posts/" + p.id();
        Client.Response deleted = f.signedIn(f.mia).send("DELETE", path, "{\"reason\":\"wrong thread\"}");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().path("post").path("is_deleted").asBoolean()).isTrue();
        assertThat(f.guest().get(path).status()).isEqualTo(404);
        Client.Response restored = f.signedIn(f.moderator).post(path + "/restore", null);
        assertThat(restored.json().path("post").path("is_deleted").asBoolean()).isFalse();
        assertThat(f.signedIn(f.moderator).post(path + "/restore", null).status()).isEqualTo(409);
        assertThat(f.signedIn(f.pat).delete("/api/v1/posts/" + f.opening.id()).status()).as("first post goes with its thread")
                .isEqualTo(409);
    }

    @Test
    void reacting_is_an_idempotent_set_that_answers_with_counts_and_the_authors_score() {
        Post p = f.forum.posts().reply(Fixture.as(f.pat), f.opening.threadId(), "Reactions welcome").post();
        String path = "/api/v1/posts/" + p.id() + "/reaction";
        Client mia = f.signedIn(f.mia);
        long before = f.forum.members().byId(f.pat.id()).orElseThrow().reactionScore();
        JsonNode like = mia.put(path, "{\"type\":\"like\"}").json().path("reaction");
        assertThat(like.path("counts").path("like").asInt()).isEqualTo(1);
        assertThat(like.path("your_reaction").asText()).isEqualTo("like");
        assertThat(like.path("author_id").asLong()).isEqualTo(f.pat.id().value());
        assertThat(like.path("author_reaction_score").asLong()).isEqualTo(before + 1);
        JsonNode again = mia.put(path, "{\"type\":\"like\"}").json().path("reaction");
        assertThat(again).isEqualTo(like);
        JsonNode angry = mia.put(path, "{\"type\":\"angry\"}").json().path("reaction");
        assertThat(angry.path("counts").has("like")).isFalse();
        assertThat(angry.path("author_reaction_score").asLong()).isEqualTo(before - 1);
        JsonNode removed = mia.delete(path).json().path("reaction");
        assertThat(removed.path("your_reaction").isNull()).isTrue();
        assertThat(removed.path("author_reaction_score").asLong()).isEqualTo(before);
        assertThat(mia.put(path, "{\"type\":\"meh\"}").status()).isEqualTo(422);
        assertThat(f.signedIn(f.pat).put(path, "{\"type\":\"like\"}").status()).as("not on your own post").isEqualTo(403);
        assertThat(f.guest().put(path, "{\"type\":\"like\"}").status()).isEqualTo(401);
        JsonNode shown = f.signedIn(f.mia).get("/api/v1/threads/" + f.threadId()).json();
        assertThat(shown.path("posts").isArray()).isTrue();
    }

    @Test
    void the_reaction_types_are_listed() {
        JsonNode r = f.guest().get("/api/v1/reaction-types").json();
        assertThat(r.path("reaction_types").findValuesAsText("key")).contains("like", "angry");
        assertThat(r.path("pagination").path("total").asInt()).isEqualTo(6);
    }

    @Test
    void admins_recount() {
        Client.Response r = f.signedIn(f.admin).post("/api/v1/admin/recount", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("recount").path("is_clean").asBoolean()).isTrue();
        assertThat(r.json().path("differences").size()).isZero();
        assertThat(r.json().has("pagination")).isTrue();
        assertThat(f.signedIn(f.moderator).post("/api/v1/admin/recount", null).status()).isEqualTo(403);
    }
}
