package dev.forumkit.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Boards and threads over HTTP: index, board page, thread page, What's new, starting threads, moderation. */
class BoardThreadApiTest {
    @RegisterExtension
    static final Fixture f = Fixture.perClass();

    @Test
    void the_board_index_lists_categories_and_boards_with_last_posts_and_the_guest_notice_for_guests() {
        JsonNode guest = f.guest().get("/api/v1/boards").json();
        JsonNode board = guest.path("categories").path(0).path("boards").path(0);
        assertThat(guest.path("categories").path(0).path("title").asText()).isEqualTo("Travel");
        assertThat(board.path("title").asText()).isEqualTo("Japan");
        assertThat(board.path("guest_notice").asText()).startsWith("Welcome to our Japan community");
        assertThat(board.path("thread_count").asInt()).isPositive();
        assertThat(board.path("last_post").path("author_name").asText()).isNotBlank();
        assertThat(board.path("can_start_thread").asBoolean()).isFalse();
        assertThat(guest.path("pagination").path("current_page").asInt()).isEqualTo(1);
        JsonNode member = f.signedIn(f.mia).get("/api/v1/boards").json().path("categories").path(0).path("boards").path(0);
        assertThat(member.path("guest_notice").isNull()).isTrue();
        assertThat(member.path("can_start_thread").asBoolean()).isTrue();
    }

    @Test
    void a_board_page_lists_threads_with_pagination_and_flags() {
        JsonNode page = f.guest().get("/api/v1/boards/" + f.board.id()).json();
        assertThat(page.path("board").path("slug").asText()).isEqualTo("japan");
        assertThat(page.path("guest_notice").asText()).contains("Join today");
        assertThat(page.path("threads").isArray()).isTrue();
        assertThat(page.path("pagination").path("per_page").asInt()).isEqualTo(20);
        assertThat(page.path("pagination").has("last_page")).isTrue();
        assertThat(page.path("threads").path(0).path("can_reply").asBoolean()).isFalse();
        assertThat(f.guest().get("/api/v1/boards/" + f.board.id() + "?page=abc").status()).isEqualTo(422);
        assertThat(f.guest().get("/api/v1/boards/" + f.board.id() + "?page=0").status()).isEqualTo(422);
        assertThat(f.guest().get("/api/v1/boards/" + f.board.id() + "?page=99").json().path("threads").size()).isZero();
        assertThat(f.guest().get("/api/v1/boards/123456").status()).isEqualTo(404);
    }

    @Test
    void starting_a_thread_answers_with_the_thread_and_post_number_one() {
        Client mia = f.signedIn(f.mia);
        Client.Response r = mia.post("/api/v1/boards/" + f.board.id() + "/threads", "{\"title\":\"Ramen in Sapporo\",\"body\":\"Where?\"}");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().path("thread").path("slug").asText()).isEqualTo("ramen-in-sapporo");
        assertThat(r.json().path("post").path("number").asInt()).isEqualTo(1);
        assertThat(r.json().path("post").path("is_thread_starter").asBoolean()).isTrue();
        assertThat(r.json().path("post").path("can_edit").asBoolean()).isTrue();
        Client.Response bad = mia.post("/api/v1/boards/" + f.board.id() + "/threads", "{\"title\":\"\",\"body\":\"\"}");
        assertThat(bad.json().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("title", "body");
        assertThat(mia.post("/api/v1/boards/555555/threads", "{\"title\":\"x\",\"body\":\"y\"}").status()).isEqualTo(404);
        assertThat(f.guest().post("/api/v1/boards/" + f.board.id() + "/threads", "{\"title\":\"x\",\"body\":\"y\"}").status()).isEqualTo(401);
    }

    @Test
    void a_thread_page_shows_posts_with_authors_reactions_and_unread_markers() {
        var reader = f.member("reader");
        Client c = f.signedIn(reader);
        JsonNode first = c.get("/api/v1/threads/" + f.threadId()).json();
        assertThat(first.path("thread").path("title").asText()).isEqualTo("Cherry blossom season");
        assertThat(first.path("thread").path("is_unread").asBoolean()).isTrue();
        assertThat(first.path("thread").path("can_reply").asBoolean()).isTrue();
        assertThat(first.path("thread").path("can_moderate").asBoolean()).isFalse();
        JsonNode post = first.path("posts").path(0);
        assertThat(post.path("number").asInt()).isEqualTo(1);
        assertThat(post.path("author").path("username").asText()).isEqualTo("pat");
        assertThat(post.path("is_unread").asBoolean()).isTrue();
        assertThat(post.path("can_react").asBoolean()).isTrue();
        assertThat(post.path("reactions").isObject()).isTrue();
        assertThat(first.path("pagination").path("total").asInt()).isGreaterThanOrEqualTo(2);
        JsonNode second = c.get("/api/v1/threads/" + f.threadId()).json();
        assertThat(second.path("posts").path(0).path("is_unread").asBoolean()).as("read now").isFalse();
        assertThat(f.guest().get("/api/v1/threads/" + f.threadId()).json().path("posts").path(0).path("is_unread").asBoolean()).isFalse();
    }

    @Test
    void whats_new_lists_threads_by_activity_with_unread_flags() {
        var fresh = f.member("newcomer");
        JsonNode r = f.signedIn(fresh).get("/api/v1/whats-new").json();
        assertThat(r.path("threads").size()).isPositive();
        assertThat(r.path("threads").path(0).path("is_unread").asBoolean()).isTrue();
        assertThat(r.path("pagination").path("current_page").asInt()).isEqualTo(1);
    }

    @Test
    void staff_lock_pin_move_delete_and_restore_threads() {
        Client mod = f.signedIn(f.moderator);
        Client pat = f.signedIn(f.pat);
        long id = f.forum.threads().start(Fixture.as(f.pat), f.board.id(), "Moderated", "text").threadId().value();
        String t = "/api/v1/threads/" + id;

        assertThat(mod.post(t + "/lock", null).json().path("thread").path("is_locked").asBoolean()).isTrue();
        Client.Response locked = pat.post(t + "/posts", "{\"body\":\"let me in\"}");
        assertThat(locked.status()).isEqualTo(403);
        assertThat(locked.json().path("errors").path(0).path("message").asText()).contains("locked");
        assertThat(mod.post(t + "/unlock", null).json().path("thread").path("is_locked").asBoolean()).isFalse();
        assertThat(mod.post(t + "/pin", null).json().path("thread").path("is_pinned").asBoolean()).isTrue();
        assertThat(mod.post(t + "/unpin", null).json().path("thread").path("is_pinned").asBoolean()).isFalse();

        var other = f.forum.boards().createBoard(Fixture.as(f.admin), f.category.id(), "Korea", "", "");
        assertThat(mod.post(t + "/move", "{\"board_id\":" + other.id() + "}").json().path("thread").path("board_id").asLong())
                .isEqualTo(other.id().value());
        assertThat(mod.post(t + "/move", "{}").status()).isEqualTo(422);
        assertThat(mod.post(t + "/move", "{\"board_id\":777777}").status()).isEqualTo(404);

        Client.Response deleted = mod.send("DELETE", t, "{\"reason\":\"off topic\"}");
        assertThat(deleted.json().path("thread").path("is_deleted").asBoolean()).isTrue();
        assertThat(deleted.json().path("thread").path("deletion").path("reason").asText()).isEqualTo("off topic");
        assertThat(f.guest().get(t).status()).isEqualTo(404);
        assertThat(mod.get(t).status()).isEqualTo(200);
        assertThat(mod.delete(t).status()).isEqualTo(409);
        assertThat(mod.post(t + "/restore", null).json().path("thread").path("is_deleted").asBoolean()).isFalse();
        assertThat(f.guest().get(t).status()).isEqualTo(200);
    }

    @Test
    void admins_shape_the_forum() {
        Client admin = f.signedIn(f.admin);
        Client.Response cat = admin.post("/api/v1/categories", "{\"title\":\"Hobbies\",\"description\":\"Pastimes\"}");
        assertThat(cat.status()).isEqualTo(201);
        long catId = cat.json().path("category").path("id").asLong();
        Client.Response board = admin.post("/api/v1/categories/" + catId + "/boards",
                "{\"title\":\"Go and shogi\",\"description\":\"Board games\",\"guest_notice\":\"Join us!\"}");
        assertThat(board.status()).isEqualTo(201);
        assertThat(board.json().path("board").path("slug").asText()).isEqualTo("go-and-shogi");
        long boardId = board.json().path("board").path("id").asLong();
        Client.Response renamed = admin.patch("/api/v1/boards/" + boardId, "{\"title\":\"Go, shogi and chess\",\"description\":\"\"}");
        assertThat(renamed.json().path("board").path("title").asText()).isEqualTo("Go, shogi and chess");
        assertThat(admin.post("/api/v1/categories", "{\"title\":\"\"}").status()).isEqualTo(422);
        assertThat(admin.post("/api/v1/categories/424242/boards", "{\"title\":\"x\"}").status()).isEqualTo(404);
    }
}
