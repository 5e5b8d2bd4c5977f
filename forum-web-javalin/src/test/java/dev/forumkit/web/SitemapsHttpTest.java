package dev.forumkit.web;

import dev.forumkit.core.board.Board;
import dev.forumkit.core.group.GroupId;
import dev.forumkit.core.policy.Grant;
import dev.forumkit.core.policy.GrantValue;
import dev.forumkit.core.policy.Permission;
import dev.forumkit.core.post.Post;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sitemaps and robots.txt over HTTP, under a base path as a host embeds the forum: an index of paged thread sitemaps
 * and a board sitemap, what a guest may read only, absolute addresses from the configured public URL or else the
 * request, and robots.txt keeping crawlers out of accounts, admin, search and the API.
 */
class SitemapsHttpTest {
    private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private static List<String> locs(Element root, String item) {
        List<String> out = new ArrayList<>();
        for (Element e : Xml.children(root, NS, item)) {
            out.add(Xml.text(e, NS, "loc"));
            if (!Xml.children(e, NS, "lastmod").isEmpty()) {
                Instant.parse(Xml.text(e, NS, "lastmod"));
            }
        }
        return out;
    }

    private static Element xml(Client c, String path, String root) {
        Client.Response r = c.get(path);
        assertThat(r.status()).as(path + ": " + r).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/xml");
        Element e = Xml.parse(r.body());
        assertThat(e.getNamespaceURI()).isEqualTo(NS);
        assertThat(e.getLocalName()).isEqualTo(root);
        return e;
    }

    @Test
    void the_index_pages_the_threads_a_guest_may_read_and_lists_the_boards() {
        try (TestServer server = TestServer.startAt("/community", c -> c.sitemapUrlsPerFile(2))) {
            Fixture f = new Fixture(server);
            var admin = Fixture.as(f.admin);
            Board secret = f.forum.boards().createBoard(admin, f.category.id(), "Back room", "", "");
            for (GroupId g : List.of(GroupId.GUESTS, GroupId.MEMBERS)) {
                f.forum.permissions().set(admin, new Grant(Grant.Subject.group(g), Grant.Scope.board(secret.id()),
                        Permission.VIEW_BOARD, GrantValue.DENY));
            }
            f.forum.threads().start(admin, secret.id(), "Hushed plans", "Quiet");
            Post second = f.forum.threads().start(Fixture.as(f.mia), f.board.id(), "Second", "Two");
            Post third = f.forum.threads().start(Fixture.as(f.mia), f.board.id(), "Third", "Three");
            Post gone = f.forum.threads().start(Fixture.as(f.mia), f.board.id(), "Gone", "Deleted");
            f.forum.threads().delete(Fixture.as(f.moderator), gone.threadId(), "spam");
            String base = server.base; // http://127.0.0.1:port/community: no public URL set, so the request's

            Client c = f.signedIn(f.admin); // whoever asks, the sitemaps are a guest's
            assertThat(locs(xml(c, "/sitemap.xml", "sitemapindex"), "sitemap")).containsExactly(base + "/sitemaps/boards.xml",
                    base + "/sitemaps/threads-1.xml", base + "/sitemaps/threads-2.xml");
            List<String> threads = new ArrayList<>(locs(xml(c, "/sitemaps/threads-1.xml", "urlset"), "url"));
            assertThat(threads).hasSize(2);
            threads.addAll(locs(xml(c, "/sitemaps/threads-2.xml", "urlset"), "url"));
            assertThat(threads).containsExactly(base + "/threads/third." + third.threadId().value() + "/",
                    base + "/threads/second." + second.threadId().value() + "/",
                    base + "/threads/cherry-blossom-season." + f.threadId() + "/");
            assertThat(c.get("/sitemaps/threads-3.xml").status()).isEqualTo(404);
            assertThat(locs(xml(c, "/sitemaps/boards.xml", "urlset"), "url")).containsExactly(base + "/", base + "/whats-new/",
                    base + "/boards/japan." + f.board.id().value() + "/");
            String all = c.get("/sitemaps/threads-1.xml").body() + c.get("/sitemaps/threads-2.xml").body()
                    + c.get("/sitemaps/boards.xml").body();
            // the pages under the base path name the same addresses as canonical, page 1 without its number
            assertThat(c.get("/threads/second." + second.threadId().value() + "/page-1").body()).contains("<link rel=\"canonical\" href=\""
                    + base + "/threads/second." + second.threadId().value() + "/\">").contains("href=\"/community/threads/second."
                    + second.threadId().value() + "/feed.atom\"");
            assertThat(all).doesNotContain("hushed").doesNotContain("back-room").doesNotContain("gone.");
        }
    }

    @Test
    void robots_txt_keeps_crawlers_out_of_accounts_admin_search_and_the_api_and_names_the_sitemap() {
        try (TestServer server = TestServer.startAt("/community", c -> c.publicUrl("https://forum.example.org/community/"))) {
            Client.Response r = server.client().get("/robots.txt");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Type")).startsWith("text/plain");
            assertThat(r.body()).startsWith("User-agent: *\n").contains("Disallow: /community/api/\n",
                    "Disallow: /community/admin/\n", "Disallow: /community/account/\n", "Disallow: /community/search/\n",
                    "Disallow: /community/login\n", "Sitemap: https://forum.example.org/community/sitemap.xml\n");
            assertThat(r.body()).doesNotContain("Disallow: /community/threads/\n").doesNotContain("Disallow: /community/boards/\n");
            assertThat(locs(xml(server.client(), "/sitemap.xml", "sitemapindex"), "sitemap"))
                    .containsExactly("https://forum.example.org/community/sitemaps/boards.xml");
        }
    }

    @Test
    void behind_a_trusted_proxy_the_forwarded_address_counts_and_a_forged_one_never_reaches_a_document() {
        try (TestServer server = TestServer.start(c -> c.security(s -> s.trustForwardedHeaders(true)))) {
            Client c = server.client();
            assertThat(c.send("GET", "/robots.txt", null, "X-Forwarded-Proto", "https", "X-Forwarded-Host", "forum.example.org")
                    .body()).contains("Sitemap: https://forum.example.org/sitemap.xml");
            Client.Response forged = c.send("GET", "/robots.txt", null, "X-Forwarded-Host", "evil.example\"><x");
            assertThat(forged.body()).contains("Sitemap: http://localhost/sitemap.xml").doesNotContain("evil");
        }
    }
}
