package dev.forumkit.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forumkit.core.member.Member;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Accounts over HTTP on a real server: profile settings, devices, password change, deleting, member list, 404 pages. */
class AccountsHttpTest {
    @RegisterExtension
    static final Fixture f = Fixture.perClass();

    @Test
    void a_member_saves_a_profile_that_everyone_then_sees_with_a_safe_website_link() {
        Member ann = f.member("ann");
        Client c = f.signedIn(ann);
        Client.Response saved = c.put("/api/v1/me/profile", "{\"about\":\"I ride <b>bikes</b>.\",\"location\":\"Lyon\","
                + "\"website\":\"https://example.org/ann\",\"signature\":\"Ride on <script>alert(1)</script>\","
                + "\"time_zone\":\"Europe/Paris\",\"date_style\":\"day_month_year\"}");
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.json().path("profile").path("signature_html").asText()).contains("Ride on").doesNotContain("<script");

        JsonNode pub = f.guest().get("/api/v1/members/" + ann.id()).json().path("profile");
        assertThat(pub.path("location").asText()).isEqualTo("Lyon");
        assertThat(pub.path("website").asText()).isEqualTo("https://example.org/ann");

        String page = f.guest().get("/members/" + ann.username() + "." + ann.id() + "/").body();
        assertThat(page).contains("rel=\"nofollow ugc noopener\"").contains("I ride &lt;b&gt;bikes&lt;/b&gt;.")
                .doesNotContain("<script>alert(1)");

        Client.Response bad = c.put("/api/v1/me/profile", "{\"website\":\"javascript:alert(1)\"}");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().path("errors").path(0).path("field").asText()).isEqualTo("website");
        assertThat(c.get("/api/v1/me/profile").json().path("profile").path("website").asText()).isEqualTo("https://example.org/ann");
    }

    @Test
    void signatures_show_under_posts_unless_the_reader_hides_them() {
        Member sig = f.member("sig");
        f.signedIn(sig).put("/api/v1/me/profile", "{\"signature\":\"Sent from my bicycle\"}");
        f.forum.posts().reply(Fixture.as(sig), f.opening.threadId(), "Late March, usually.");
        String path = "/threads/cherry-blossom-season." + f.threadId() + "/";
        assertThat(f.guest().get(path).body()).contains("class=\"signature\"").contains("Sent from my bicycle");

        Member reader = f.member("reader");
        Client r = f.signedIn(reader);
        r.put("/api/v1/me/profile", "{\"hide_signatures\":true}");
        assertThat(r.get(path).body()).doesNotContain("Sent from my bicycle");
    }

    @Test
    void devices_are_listed_and_signed_out_one_by_one_or_all_but_this_one() {
        Member dev = f.member("dev");
        Client laptop = f.signedIn(dev);
        Client phone = f.signedIn(dev);
        Client tablet = f.signedIn(dev);
        JsonNode list = laptop.get("/api/v1/me/sessions").json().path("sessions");
        assertThat(list.size()).isEqualTo(3);
        assertThat(list.findValuesAsText("is_current")).containsOnlyOnce("true");
        assertThat(list.toString()).doesNotContain("token");

        String phoneId = null;
        for (JsonNode s : phone.get("/api/v1/me/sessions").json().path("sessions")) {
            if (s.path("is_current").asBoolean()) {
                phoneId = s.path("id").asText();
            }
        }
        assertThat(laptop.delete("/api/v1/me/sessions/" + phoneId).status()).isEqualTo(204);
        assertThat(phone.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(laptop.delete("/api/v1/me/sessions/" + phoneId).status()).isEqualTo(404);

        assertThat(laptop.post("/api/v1/me/sessions/end-others", null).json().path("ended").asInt()).isEqualTo(1);
        assertThat(tablet.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(laptop.get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void changing_the_password_signs_out_the_other_devices_and_keeps_this_one() {
        Member pw = f.member("pw");
        Client here = f.signedIn(pw);
        Client other = f.signedIn(pw);
        Client.Response r = here.put("/api/v1/me/password",
                "{\"current_password\":\"" + Fixture.PASSWORD + "\",\"new_password\":\"a brand new password\"}");
        assertThat(r.status()).isLessThan(300);
        if (r.json().path("session").has("csrf_token")) {
            here.csrf = r.json().path("session").path("csrf_token").asText();
        }
        assertThat(here.get("/api/v1/me").status()).isEqualTo(200);
        assertThat(other.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(here.get("/api/v1/me/sessions").json().path("sessions").size()).isEqualTo(1);
    }

    @Test
    void deleting_the_account_needs_the_password_and_leaves_the_posts_under_a_deleted_member() {
        Member gone = f.member("gone");
        f.forum.posts().reply(Fixture.as(gone), f.opening.threadId(), "My last words here.");
        Client c = f.signedIn(gone);
        assertThat(c.post("/api/v1/me/delete", "{\"password\":\"wrong one\"}").status()).isEqualTo(422);
        assertThat(c.get("/api/v1/me").status()).isEqualTo(200);

        assertThat(c.post("/api/v1/me/delete", "{\"password\":\"" + Fixture.PASSWORD + "\"}").status()).isEqualTo(204);

        assertThat(c.get("/api/v1/me").status()).isEqualTo(401);
        String thread = f.guest().get("/threads/cherry-blossom-season." + f.threadId() + "/page-999").body()
                + f.guest().get("/api/v1/threads/" + f.threadId() + "?page=999").body();
        assertThat(f.guest().post("/api/v1/session", "{\"login\":\"" + gone.username() + "\",\"password\":\"" + Fixture.PASSWORD
                + "\"}").status()).isEqualTo(401);
        JsonNode list = f.guest().get("/api/v1/members?sort=name").json();
        assertThat(list.path("members").toString()).doesNotContain(gone.username()).doesNotContain("Deleted member");
        assertThat(f.guest().get("/api/v1/members/" + gone.id()).json().path("member").path("username").asText())
                .isEqualTo("Deleted member " + gone.id().value());
        assertThat(thread).isNotNull();
    }

    @Test
    void the_member_list_is_paged_and_sorted_and_online_now_counts_guests_without_writing() {
        JsonNode byName = f.guest().get("/api/v1/members?sort=name").json();
        assertThat(byName.path("pagination").path("total").asInt()).isGreaterThanOrEqualTo(4);
        assertThat(byName.path("members").path(0).has("email")).isFalse();
        assertThat(f.guest().get("/api/v1/members?sort=shoe_size").status()).isEqualTo(422);
        assertThat(f.guest().get("/api/v1/members?page=0").status()).isEqualTo(422);
        assertThat(f.guest().get("/members/?sort=messages").body()).contains("Members online now").contains("mia");

        Client visitor = f.guest();
        visitor.get("/members/");
        f.signedIn(f.pat).get("/members/");
        JsonNode online = f.guest().get("/api/v1/members/online").json();
        assertThat(online.path("guests").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(online.path("members").toString()).contains("\"pat\"");
    }

    @Test
    void a_members_posts_and_threads_are_paged_and_private_boards_do_not_leak() {
        Member author = f.member("author");
        var admin = Fixture.as(f.admin);
        var secret = f.forum.boards().createBoard(admin, f.category.id(), "Staff room", "", "");
        f.forum.threads().start(Fixture.as(author), f.board.id(), "Public ride", "Join us");
        f.forum.threads().start(Fixture.as(author), secret.id(), "Hidden plans", "Shh");
        for (var g : java.util.List.of(dev.forumkit.core.group.GroupId.GUESTS, dev.forumkit.core.group.GroupId.MEMBERS)) {
            f.forum.permissions().set(admin, new dev.forumkit.core.policy.Grant(dev.forumkit.core.policy.Grant.Subject.group(g),
                    dev.forumkit.core.policy.Grant.Scope.board(secret.id()), dev.forumkit.core.policy.Permission.VIEW_BOARD,
                    dev.forumkit.core.policy.GrantValue.DENY));
        }
        String guestView = f.guest().get("/api/v1/members/" + author.id() + "/threads").body()
                + f.guest().get("/api/v1/members/" + author.id() + "/posts").body()
                + f.signedIn(f.mia).get("/api/v1/members/" + author.id() + "/posts").body();
        assertThat(guestView).contains("Public ride").doesNotContain("Hidden plans").doesNotContain("Shh");
        JsonNode adminView = f.signedIn(f.admin).get("/api/v1/members/" + author.id() + "/threads").json();
        assertThat(adminView.path("threads").size()).isEqualTo(2);
        assertThat(adminView.path("pagination").path("has_more").asBoolean()).isFalse();
        assertThat(f.guest().get("/api/v1/members/" + author.id() + "/posts?page=0").status()).isEqualTo(422);
    }

    @Test
    void unknown_html_paths_get_the_forums_own_404_page_while_the_api_keeps_json() {
        Client.Response page = f.guest().get("/no/such/page");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("<title>Not found").contains("Back to the forums").contains("class=\"site-header\"");
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");

        Client.Response api = f.guest().get("/api/v1/no/such/thing");
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(api.errorCode()).isNotBlank();

        assertThat(f.guest().get("/threads/nothing.999999/").body()).contains("<title>Not found");
    }

    @Test
    void the_account_pages_render_for_a_member() {
        Client c = f.signedIn(f.member("pages"));
        for (String path : new String[]{"/account/profile", "/account/password", "/account/sessions", "/account/delete"}) {
            Client.Response r = c.get(path);
            assertThat(r.status()).as(path).isEqualTo(200);
            assertThat(r.body()).as(path).contains("account-tabs");
        }
        assertThat(f.guest().get("/account/profile").status()).isEqualTo(401);
    }
}
