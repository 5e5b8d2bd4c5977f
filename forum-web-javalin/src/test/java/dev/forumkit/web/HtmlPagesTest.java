package dev.forumkit.web;

import dev.forumkit.core.post.Post;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages over plain HTTP, as a browser with JavaScript off sees them: forms, redirects to anchors, errors beside
 * fields with the text kept, the sign-in form for guests, canonical addresses, escaping and the security headers.
 */
class HtmlPagesTest {
    @RegisterExtension
    static final Fixture f = Fixture.perClass();
    private static final String FORM = "application/x-www-form-urlencoded";

    private static String form(String... pairs) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            out.append(out.length() == 0 ? "" : "&").append(pairs[i]).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    private static Client.Response post(Client c, String path, String body) {
        return c.send("POST", path, body, "Content-Type", FORM);
    }

    private static String thread() {
        return "/threads/cherry-blossom-season." + f.threadId() + "/";
    }

    @Test
    void pages_carry_the_security_headers_and_escape_what_people_wrote() {
        Post p = f.forum.threads().start(Fixture.as(f.mia), f.board.id(), "<script>alert(1)</script> & more", "<b>bold?</b>");
        Client.Response r = f.guest().get("/threads/x." + p.threadId().value() + "/");
        assertThat(r.status()).isEqualTo(301);
        r = f.guest().get(r.header("Location"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Security-Policy")).contains("script-src 'self'");
        assertThat(r.header("Content-Type")).startsWith("text/html");
        assertThat(r.body()).doesNotContain("<script>alert").contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more")
                .doesNotContain("<b>bold?</b>").doesNotContain(" onclick=").doesNotContain(" style=");
    }

    @Test
    void a_guest_asking_for_a_form_gets_the_sign_in_form_and_comes_back_after_it() {
        Client guest = f.guest();
        Client.Response r = guest.get(thread() + "reply");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body()).contains("You must be logged in to do that").contains("name=\"next\" value=\"" + thread() + "reply\"");
        r = post(guest, "/login", form("login", "pat", "password", Fixture.PASSWORD, "next", thread() + "reply"));
        assertThat(r.status()).isEqualTo(303);
        assertThat(r.header("Location")).isEqualTo(thread() + "reply");
        assertThat(guest.get(thread() + "reply").status()).isEqualTo(200);
    }

    @Test
    void sign_in_never_sends_the_browser_to_another_site() {
        Client.Response r = post(f.guest(), "/login", form("login", "pat", "password", Fixture.PASSWORD, "next", "//evil.example/x"));
        assertThat(r.status()).isEqualTo(303);
        assertThat(r.header("Location")).isEqualTo("/");
        r = post(f.guest(), "/login", form("login", "pat", "password", "wrong password"));
        assertThat(r.status()).as("the API's status for a wrong password (was 422 on the page before issue 11)").isEqualTo(401);
        assertThat(r.body()).contains("Wrong username or password").contains("value=\"pat\"");
        assertThat(r.body()).as("the message sits beside the password field").contains("id=\"password-error\"");
    }

    @Test
    void a_reply_redirects_to_its_anchor_and_a_bad_one_keeps_the_text() {
        Client mia = f.signedIn(f.mia);
        Client.Response r = post(mia, thread() + "reply", form("body", "Late March in a warm year."));
        assertThat(r.status()).isEqualTo(303);
        assertThat(r.header("Location")).matches("/threads/cherry-blossom-season\\." + f.threadId() + "/(page-\\d+)?#post-\\d+");

        String long_ = "x".repeat(50_001);
        r = post(mia, "/boards/japan." + f.board.id().value() + "/post-thread", form("title", "", "body", "Keep me & <this>"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("id=\"title-error\"").contains("Title is required.")
                .contains(">Keep me &amp; &lt;this&gt;</textarea>");
        r = post(mia, thread() + "reply", form("body", long_));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("Body must be at most 50000 characters.").contains(long_);
    }

    @Test
    void reacting_works_with_a_plain_form() {
        Client pat = f.signedIn(f.pat);
        long post = f.miasReply.id().value();
        long before = f.forum.members().byId(f.mia.id()).orElseThrow().reactionScore();
        Client.Response r = post(pat, "/posts/" + post + "/react", form("type", "like"));
        assertThat(r.status()).isEqualTo(303);
        assertThat(r.header("Location")).endsWith("#post-" + post);
        assertThat(f.forum.members().byId(f.mia.id()).orElseThrow().reactionScore()).isEqualTo(before + 1);
        String page = pat.get(r.header("Location").replaceAll("#.*", "")).body();
        assertThat(page).contains("value=\"remove\" data-type=\"like\" aria-pressed=\"true\"");
        r = post(pat, "/posts/" + post + "/react", form("type", "remove"));
        assertThat(r.status()).isEqualTo(303);
        assertThat(f.forum.members().byId(f.mia.id()).orElseThrow().reactionScore()).isEqualTo(before);
    }

    @Test
    void a_post_link_goes_to_its_page_and_anchor_and_quote_fills_the_reply_form() {
        Client.Response r = f.guest().get("/posts/" + f.miasReply.id().value() + "/");
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.header("Location")).isEqualTo(thread() + "#post-" + f.miasReply.id().value());
        String reply = f.signedIn(f.pat).get(thread() + "reply?quote=" + f.miasReply.id().value()).body();
        assertThat(reply).contains("[quote=mia post=" + f.miasReply.id().value() + "]Early April, usually.[/quote]");
    }

    @Test
    void a_form_without_its_token_is_refused_and_the_text_is_given_back() {
        Client mia = f.signedIn(f.mia);
        mia.sendCsrf = false;
        Client.Response r = post(mia, thread() + "reply", form("body", "Words worth keeping"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.errorCode()).isEqualTo("csrf_failed");
        assertThat(r.body()).contains("Words worth keeping");
        r = post(mia, thread() + "reply", form("body", "Words worth keeping", "_csrf", mia.csrf));
        assertThat(r.status()).isEqualTo(303);
    }

    @Test
    void unknown_things_are_friendly_404_pages() {
        assertThat(f.guest().get("/threads/nothing.999999/").status()).isEqualTo(404);
        Client.Response r = f.guest().get("/boards/nothing.x/");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body()).contains("Not found").contains("Back to the forums");
        assertThat(f.guest().get("/assets/secret.txt").status()).isEqualTo(404);
    }

    @Test
    void unread_posts_are_marked_and_the_jump_lands_on_the_first() {
        Post opening = f.forum.threads().start(Fixture.as(f.pat), f.board.id(), "Ramen near the station", "Any tips?");
        String path = "/threads/ramen-near-the-station." + opening.threadId().value() + "/";
        Client mia = f.signedIn(f.mia);
        assertThat(mia.get(path).body()).contains("class=\"label label-new\">New");
        assertThat(mia.get(path).body()).doesNotContain("Jump to first unread").doesNotContain("label-new");
        Post fresh = f.forum.posts().reply(Fixture.as(f.pat), opening.threadId(), "Found one: try the miso.").post();
        String page = mia.get(path).body();
        assertThat(page).contains("Jump to first unread").contains("<span class=\"anchor\" id=\"unread\"></span>");
        Client.Response jump = mia.get(path + "unread");
        assertThat(jump.status()).isEqualTo(302);
        assertThat(jump.header("Location")).isEqualTo(path + "#post-" + fresh.id().value());
        assertThat(f.guest().get(path).body()).doesNotContain("label-new");
    }

    @Test
    void the_author_edits_a_post_and_others_may_not() {
        long post = f.miasReply.id().value();
        Client mia = f.signedIn(f.mia);
        assertThat(mia.get("/posts/" + post + "/edit").body()).contains(">Early April, usually.</textarea>");
        assertThat(f.signedIn(f.pat).get("/posts/" + post + "/edit").status()).isEqualTo(403);
        Client.Response r = post(mia, "/posts/" + post + "/edit", form("body", "Early April, usually. Sometimes late March."));
        assertThat(r.status()).isEqualTo(303);
        assertThat(mia.get(r.header("Location").replaceAll("#.*", "")).body()).contains("Sometimes late March.").contains("Last edited");
    }

    @Test
    void an_admin_adds_a_category_and_a_board_that_appear_on_the_index() {
        Client admin = f.signedIn(f.admin);
        assertThat(admin.get("/admin/").body()).contains("Categories").contains("Boards").contains("Recount now");
        assertThat(post(admin, "/admin/categories", form("title", "", "description", "x")).body()).contains("id=\"title-error\"");
        assertThat(post(admin, "/admin/categories", form("title", "Food", "description", "Eating out")).status()).isEqualTo(303);
        long category = f.forum.boards().categories().stream().filter(c -> c.title().equals("Food")).findFirst().orElseThrow().id().value();
        Client.Response r = post(admin, "/admin/boards", form("category_id", Long.toString(category), "title", "Noodles",
                "description", "Ramen, udon, soba", "guest_notice", ""));
        assertThat(r.status()).isEqualTo(303);
        assertThat(f.guest().get("/").body()).contains("Food").contains(">Noodles</a>").contains("Ramen, udon, soba");
        assertThat(f.signedIn(f.moderator).get("/admin/categories").status()).isEqualTo(403);
    }
}
