package dev.forumkit.web;

import dev.forumkit.core.board.Board;
import dev.forumkit.core.group.GroupId;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.policy.Grant;
import dev.forumkit.core.policy.GrantValue;
import dev.forumkit.core.policy.Permission;
import dev.forumkit.core.post.Post;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Element;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Atom feeds over HTTP: valid Atom 1.0 (parsed by the JDK, DTDs off), post HTML escaped once, stable ids, what a
 * guest may read and nothing else (whoever asks), ETag and Last-Modified with 304, and the pages' head links.
 */
class FeedsHttpTest {
    static final String ATOM = "http://www.w3.org/2005/Atom";
    @RegisterExtension
    static final Fixture f = Fixture.perClass();
    private static Member insider;
    private static Board secret;
    private static Post secretThread;

    @BeforeAll
    static void privateBoard() {
        var admin = Fixture.as(f.admin);
        insider = f.member("insider");
        var group = f.forum.groups().create(admin, "Insiders", "Insider", 1);
        f.forum.groups().place(admin, insider.id(), group.id(), Set.of());
        secret = f.forum.boards().createBoard(admin, f.category.id(), "Back room", "Hush", "");
        for (GroupId g : List.of(GroupId.GUESTS, GroupId.MEMBERS)) {
            f.forum.permissions().set(admin, new Grant(Grant.Subject.group(g), Grant.Scope.board(secret.id()),
                    Permission.VIEW_BOARD, GrantValue.DENY));
        }
        f.forum.permissions().set(admin, new Grant(Grant.Subject.group(group.id()), Grant.Scope.board(secret.id()),
                Permission.VIEW_BOARD, GrantValue.ALLOW));
        secretThread = f.forum.threads().start(Fixture.as(insider), secret.id(), "Hushed plans", "Quiet words");
    }

    private static Element feed(Client c, String path) {
        Client.Response r = c.get(path);
        assertThat(r.status()).as(path + ": " + r).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/atom+xml");
        Element root = Xml.parse(r.body());
        assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(root.getLocalName()).isEqualTo("feed");
        // RFC 4287 4.1.1: id, title, updated; a self link; each entry id, title, updated, an author, a link
        assertThat(Xml.text(root, ATOM, "id")).startsWith("http://");
        assertThat(Xml.text(root, ATOM, "title")).isNotBlank();
        Instant.parse(Xml.text(root, ATOM, "updated"));
        assertThat(Xml.children(root, ATOM, "link")).anyMatch(l -> l.getAttribute("rel").equals("self"));
        for (Element e : Xml.children(root, ATOM, "entry")) {
            assertThat(Xml.text(e, ATOM, "id")).startsWith("http://");
            assertThat(Xml.text(e, ATOM, "title")).isNotBlank();
            Instant.parse(Xml.text(e, ATOM, "updated"));
            Instant.parse(Xml.text(e, ATOM, "published"));
            assertThat(Xml.text(Xml.children(e, ATOM, "author").get(0), ATOM, "name")).isNotBlank();
            assertThat(Xml.children(e, ATOM, "link").get(0).getAttribute("href")).startsWith("http://");
            assertThat(Xml.children(e, ATOM, "content").get(0).getAttribute("type")).isEqualTo("html");
        }
        return root;
    }

    private static List<String> ids(Element feed) {
        return Xml.children(feed, ATOM, "entry").stream().map(e -> Xml.text(e, ATOM, "id")).toList();
    }

    private static List<String> titles(Element feed) {
        return Xml.children(feed, ATOM, "entry").stream().map(e -> Xml.text(e, ATOM, "title")).toList();
    }

    private static String boardPath(Board b) {
        return "/boards/" + b.slug() + "." + b.id().value() + "/";
    }

    @Test
    void the_thread_feed_has_the_newest_posts_newest_first_with_their_html_escaped_once() {
        Post start = f.forum.threads().start(Fixture.as(f.mia), f.board.id(), "Ramen & <gyoza>", "Where is 5 < 6 & \"good\"?");
        Post reply = f.forum.posts().reply(Fixture.as(f.pat), start.threadId(), "Try \u0007Fukuoka").post();
        String path = "/threads/ramen-gyoza." + start.threadId().value() + "/feed.atom";

        Element feed = feed(f.guest(), path);
        String base = f.server.base;
        assertThat(ids(feed)).containsExactly(base + "/posts/" + reply.id().value() + "/", base + "/posts/" + start.id().value() + "/");
        assertThat(titles(feed)).containsExactly("Re: Ramen & <gyoza> (#2)", "Ramen & <gyoza>");
        Element first = Xml.children(feed, ATOM, "entry").get(1);
        // the content, once unescaped by the parser, is exactly the post's stored sanitised HTML
        String html = f.forum.reading().post(dev.forumkit.core.Actor.guest(), start.id()).bodyHtml();
        assertThat(Xml.text(first, ATOM, "content")).isEqualTo(html).contains("&lt;").doesNotContain("<gyoza>");
        assertThat(Xml.text(Xml.children(feed, ATOM, "entry").get(0), ATOM, "content")).contains("Fukuoka");
        assertThat(ids(feed(f.guest(), path))).as("ids are stable").isEqualTo(ids(feed));
        assertThat(Xml.text(feed, ATOM, "id")).isEqualTo(base + "/threads/" + start.threadId().value() + "/feed.atom");

        f.forum.posts().delete(Fixture.as(f.moderator), reply.id(), "spam");
        assertThat(ids(feed(f.signedIn(f.moderator), path))).as("deleted posts never, whoever asks")
                .containsExactly(base + "/posts/" + start.id().value() + "/");
        f.forum.threads().delete(Fixture.as(f.moderator), start.threadId(), "gone");
        assertThat(f.signedIn(f.admin).get(path).status()).isEqualTo(404);
        assertThat(titles(feed(f.signedIn(f.admin), "/feed.atom"))).doesNotContain("Ramen & <gyoza>");
    }

    @Test
    void a_thread_feed_is_bounded() {
        Post start = f.forum.threads().start(Fixture.as(f.mia), f.board.id(), "Long one", "Post 1");
        for (int i = 2; i <= 35; i++) {
            f.forum.posts().reply(Fixture.as(f.pat), start.threadId(), "Post " + i);
        }
        Element feed = feed(f.guest(), "/threads/long-one." + start.threadId().value() + "/feed.atom");
        assertThat(ids(feed)).hasSize(30);
        assertThat(titles(feed).get(0)).isEqualTo("Re: Long one (#35)");
        assertThat(titles(feed).get(29)).isEqualTo("Re: Long one (#6)");
    }

    @Test
    void the_forum_board_and_whats_new_feeds_list_threads_a_guest_may_read_whoever_asks() {
        Post fresh = f.forum.threads().start(Fixture.as(f.pat), f.board.id(), "Sakura forecast", "Late March");
        for (Client c : List.of(f.guest(), f.signedIn(insider), f.signedIn(f.admin))) {
            for (String path : List.of("/feed.atom", "/whats-new/feed.atom", boardPath(f.board) + "feed.atom")) {
                Element feed = feed(c, path);
                assertThat(titles(feed)).as(path).contains("Sakura forecast").doesNotContain("Hushed plans");
                assertThat(ids(feed)).contains(f.server.base + "/threads/" + fresh.threadId().value() + "/");
            }
            assertThat(c.get(boardPath(secret) + "feed.atom").status()).as("a private board has no feed").isEqualTo(404);
            assertThat(c.get("/threads/hushed-plans." + secretThread.threadId().value() + "/feed.atom").status()).isEqualTo(404);
        }
        Element forum = feed(f.guest(), "/feed.atom");
        assertThat(titles(forum).get(0)).as("newest thread first").isEqualTo("Sakura forecast");
        Element entry = Xml.children(forum, ATOM, "entry").get(0);
        assertThat(Xml.text(entry, ATOM, "content")).contains("Late March");
        assertThat(Xml.children(entry, ATOM, "link").get(0).getAttribute("href"))
                .isEqualTo(f.server.base + "/threads/sakura-forecast." + fresh.threadId().value() + "/");
        assertThat(f.guest().get("/boards/x.999999/feed.atom").status()).isEqualTo(404);
    }

    @Test
    void an_unchanged_feed_answers_304_to_its_etag_and_date_and_a_new_post_changes_both() {
        Post start = f.forum.threads().start(Fixture.as(f.mia), f.board.id(), "Onsen", "Hot springs");
        String path = "/threads/onsen." + start.threadId().value() + "/feed.atom";
        Client.Response first = f.guest().get(path);
        String etag = first.header("ETag");
        String modified = first.header("Last-Modified");
        assertThat(etag).startsWith("\"");
        assertThat(modified).endsWith("GMT");
        Client.Response again = f.guest().send("GET", path, null, "If-None-Match", etag);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(f.guest().send("GET", path, null, "If-Modified-Since", modified).status()).isEqualTo(304);
        assertThat(f.guest().send("GET", path, null, "If-None-Match", "\"other\"").status()).isEqualTo(200);

        f.forum.posts().reply(Fixture.as(f.pat), start.threadId(), "Beppu");
        Client.Response changed = f.guest().send("GET", path, null, "If-None-Match", etag);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        assertThat(changed.body()).contains("Beppu");
    }

    @Test
    void pages_link_their_feed_canonical_address_and_description() {
        String thread = "/threads/cherry-blossom-season." + f.threadId() + "/";
        String page = f.guest().get(thread).body();
        assertThat(page).contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Cherry blossom season\" href=\""
                + thread + "feed.atom\">");
        assertThat(page).contains("<link rel=\"canonical\" href=\"" + f.server.base + thread + "\">");
        assertThat(page).contains("<meta name=\"description\" content=\"When do they bloom in Kyoto?\">");
        assertThat(f.guest().get(boardPath(f.board)).body()).contains(boardPath(f.board) + "feed.atom")
                .contains("<link rel=\"canonical\" href=\"" + f.server.base + boardPath(f.board) + "\">");
        assertThat(f.guest().get("/").body()).contains("href=\"/feed.atom\"").contains("href=\"/whats-new/feed.atom\"");
        assertThat(f.guest().get("/whats-new/").body()).contains("href=\"/whats-new/feed.atom\"");
        // the insider sees the private board, but its feed would be a guest's 404: not advertised
        assertThat(f.signedIn(insider).get(boardPath(secret)).body()).doesNotContain("feed.atom\">")
                .contains("<link rel=\"canonical\"");
    }

    @Test
    void a_long_description_is_cut_on_a_word_and_escaped() {
        String body = "Tokyo \"quotes\" & <tags> " + "word ".repeat(60);
        Post p = f.forum.threads().start(Fixture.as(f.mia), f.board.id(), "Long words", body);
        String page = f.guest().get("/threads/long-words." + p.threadId().value() + "/").body();
        var m = java.util.regex.Pattern.compile("<meta name=\"description\" content=\"([^\"]*)\">").matcher(page);
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).startsWith("Tokyo &#34;quotes&#34; &amp; &lt;tags").endsWith("word…");
        assertThat(m.group(1).replaceAll("&[#a-z0-9]+;", "x").length()).isLessThanOrEqualTo(160);
    }
}
