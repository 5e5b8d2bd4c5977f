package dev.forumkit.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Members over HTTP: register, me, profile, custom title, roles, bans. */
class MemberApiTest {
    @RegisterExtension
    static final Fixture f = Fixture.perClass();

    @Test
    void registering_makes_a_plain_member_and_signs_them_in() {
        Client c = f.guest();
        Client.Response r = c.post("/api/v1/members", "{\"username\":\"Hiro\",\"email\":\"Hiro@Example.org\",\"password\":\"long enough\"}");
        assertThat(r.status()).isEqualTo(201);
        JsonNode m = r.json().path("member");
        assertThat(m.path("username").asText()).isEqualTo("Hiro");
        assertThat(m.path("email").asText()).isEqualTo("hiro@example.org");
        assertThat(m.path("role").asText()).isEqualTo("member");
        assertThat(m.path("joined_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(m.has("password_hash")).isFalse();
        c.csrf = r.json().path("session").path("csrf_token").asText();
        assertThat(c.get("/api/v1/me").json().path("member").path("username").asText()).isEqualTo("Hiro");
    }

    @Test
    void a_taken_username_is_422_on_that_field() {
        Client.Response r = f.guest().post("/api/v1/members", "{\"username\":\"MIA\",\"email\":\"other@example.org\",\"password\":\"long enough\"}");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().path("errors").path(0).path("field").asText()).isEqualTo("username");
        assertThat(r.errorCode()).isEqualTo("taken");
    }

    @Test
    void me_is_for_members_only() {
        assertThat(f.guest().get("/api/v1/me").status()).isEqualTo(401);
        assertThat(f.guest().get("/api/v1/me").errorCode()).isEqualTo("sign_in_required");
    }

    @Test
    void a_profile_shows_the_public_face_recent_posts_and_the_viewers_flags() {
        JsonNode guestView = f.guest().get("/api/v1/members/" + f.mia.id()).json();
        assertThat(guestView.path("member").path("username").asText()).isEqualTo("mia");
        assertThat(guestView.path("member").has("email")).isFalse();
        assertThat(guestView.path("member").path("can_edit").asBoolean()).isFalse();
        assertThat(guestView.path("recent_posts").path(0).path("thread_title").asText()).isEqualTo("Cherry blossom season");
        assertThat(guestView.path("pagination").path("total").asInt()).isEqualTo(1);
        JsonNode own = f.signedIn(f.mia).get("/api/v1/members/" + f.mia.id()).json().path("member");
        assertThat(own.path("can_edit").asBoolean()).isTrue();
        assertThat(own.path("can_moderate").asBoolean()).isFalse();
        JsonNode staff = f.signedIn(f.moderator).get("/api/v1/members/" + f.mia.id()).json().path("member");
        assertThat(staff.path("can_moderate").asBoolean()).isTrue();
        assertThat(f.guest().get("/api/v1/members/987654").status()).isEqualTo(404);
    }

    @Test
    void members_set_their_own_custom_title_and_admins_anyones() {
        var m = f.member("titled");
        Client self = f.signedIn(m);
        Client.Response r = self.patch("/api/v1/members/" + m.id(), "{\"custom_title\":\"Unswerving cyclist\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("member").path("custom_title").asText()).isEqualTo("Unswerving cyclist");
        assertThat(f.signedIn(f.pat).patch("/api/v1/members/" + m.id(), "{\"custom_title\":\"x\"}").status()).isEqualTo(403);
        assertThat(f.signedIn(f.admin).patch("/api/v1/members/" + m.id(), "{\"custom_title\":\"Night owl\"}").status()).isEqualTo(200);
        Client.Response tooLong = self.patch("/api/v1/members/" + m.id(), "{\"custom_title\":\"" + "x".repeat(51) + "\"}");
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.json().path("errors").path(0).path("field").asText()).isEqualTo("custom_title");
    }

    @Test
    void admins_change_roles() {
        var m = f.member("promoted");
        Client admin = f.signedIn(f.admin);
        Client.Response r = admin.put("/api/v1/members/" + m.id() + "/role", "{\"role\":\"moderator\"}");
        assertThat(r.json().path("member").path("role").asText()).isEqualTo("moderator");
        assertThat(admin.put("/api/v1/members/" + m.id() + "/role", "{\"role\":\"emperor\"}").status()).isEqualTo(422);
        assertThat(admin.put("/api/v1/members/" + f.admin.id() + "/role", "{\"role\":\"member\"}").status())
                .as("not on themselves").isEqualTo(403);
        assertThat(f.signedIn(f.moderator).put("/api/v1/members/" + m.id() + "/role", "{\"role\":\"admin\"}").status()).isEqualTo(403);
    }

    @Test
    void staff_ban_and_unban_members_and_banned_members_cannot_post() {
        var m = f.member("troll");
        Client trollClient = f.signedIn(m);
        Client mod = f.signedIn(f.moderator);
        assertThat(mod.put("/api/v1/members/" + m.id() + "/ban", "{\"until\":\"yesterday\"}").status()).isEqualTo(422);
        Client.Response missing = mod.put("/api/v1/members/" + m.id() + "/ban", "{}");
        assertThat(missing.json().path("errors").path(0).path("field").asText()).isEqualTo("reason");
        Client.Response r = mod.put("/api/v1/members/" + m.id() + "/ban", "{\"reason\":\"spam\",\"until\":\"2999-01-01T00:00:00Z\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("member").path("is_banned").asBoolean()).isTrue();
        assertThat(r.json().path("member").path("ban").path("reason").asText()).isEqualTo("spam");
        assertThat(trollClient.get("/api/v1/me").status()).as("sessions ended").isEqualTo(401);
        Client again = f.signedIn(m);
        assertThat(again.post("/api/v1/threads/" + f.threadId() + "/posts", "{\"body\":\"hi\"}").status()).isEqualTo(403);
        assertThat(mod.put("/api/v1/members/" + f.admin.id() + "/ban", "{\"reason\":\"coup\"}").status()).isEqualTo(403);
        assertThat(mod.delete("/api/v1/members/" + m.id() + "/ban").json().path("member").path("is_banned").asBoolean()).isFalse();
        assertThat(mod.delete("/api/v1/members/" + m.id() + "/ban").status()).as("not banned any more").isEqualTo(409);
    }
}
