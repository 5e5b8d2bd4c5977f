package dev.forumkit.web.internal.feed;

import dev.forumkit.core.Actor;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.read.Page;
import dev.forumkit.core.thread.ForumThread;
import dev.forumkit.web.Access;
import dev.forumkit.web.internal.Call;
import dev.forumkit.web.internal.HttpProblem;
import dev.forumkit.web.internal.html.Links;
import dev.forumkit.web.internal.html.PageTable;
import dev.forumkit.web.internal.html.Params;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The sitemap protocol (sitemaps.org 0.9): {@code /sitemap.xml} is an index of {@code /sitemaps/boards.xml} (the
 * board index, What's new and every board) and {@code /sitemaps/threads-n.xml} (threads by last activity, at most
 * 50,000 a file, each with its last activity as lastmod), and {@code /robots.txt} points at it. Like the feeds, they
 * list what a guest may read, whoever asks: crawlers see the forum as a guest.
 */
public final class SitemapPages {
    static final String TYPE = "application/xml; charset=utf-8";
    private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private SitemapPages() {
    }

    public static void register(PageTable t) {
        t.get("/sitemap.xml", Access.ANYONE, SitemapPages::index);
        t.get("/sitemaps/boards.xml", Access.ANYONE, SitemapPages::boards);
        t.get("/sitemaps/threads-{page}.xml", Access.ANYONE, SitemapPages::threads);
        t.get("/robots.txt", Access.ANYONE, SitemapPages::robots);
    }

    private static int perFile(Call call) {
        return call.api().settings().site().sitemapUrlsPerFile();
    }

    private static Document index(Call call) {
        String abs = SiteAddress.of(call);
        Page<ForumThread> first = call.api().forum().feeds().threads(Actor.guest(), 1, 1);
        int files = first.total() == 0 ? 0 : (int) ((first.total() + perFile(call) - 1) / perFile(call));
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sitemapindex xmlns=\"" + NS + "\">\n");
        x.append("  <sitemap><loc>").append(Xml.esc(abs + "/sitemaps/boards.xml")).append("</loc></sitemap>\n");
        for (int n = 1; n <= files; n++) {
            x.append("  <sitemap><loc>").append(Xml.esc(abs + "/sitemaps/threads-" + n + ".xml")).append("</loc>");
            if (n == 1 && !first.items().isEmpty()) {
                // the first file holds the most recent activity: its lastmod is the forum's
                x.append("<lastmod>").append(time(first.items().get(0).lastActivityAt())).append("</lastmod>");
            }
            x.append("</sitemap>\n");
        }
        x.append("</sitemapindex>\n");
        return new Document(x.toString(), TYPE, first.items().isEmpty() ? null : first.items().get(0).lastActivityAt());
    }

    private static Document boards(Call call) {
        Links abs = new Links(SiteAddress.of(call));
        List<Board> boards = call.api().forum().feeds().readableBoards(Actor.guest());
        Instant newest = boards.stream().filter(b -> b.lastPost() != null).map(b -> b.lastPost().at())
                .max(Instant::compareTo).orElse(null);
        StringBuilder x = urlset();
        url(x, abs.home(), newest);
        url(x, abs.whatsNew(), newest);
        for (Board b : boards) {
            url(x, abs.board(b), b.lastPost() == null ? null : b.lastPost().at());
        }
        return new Document(x.append("</urlset>\n").toString(), TYPE, newest);
    }

    private static Document threads(Call call) {
        int n = Params.page(call);
        Links abs = new Links(SiteAddress.of(call));
        Page<ForumThread> page = call.api().forum().feeds().threads(Actor.guest(), n, perFile(call));
        if (page.items().isEmpty() && n > 1) {
            throw HttpProblem.notFound("there is no such sitemap");
        }
        StringBuilder x = urlset();
        for (ForumThread t : page.items()) {
            url(x, abs.thread(t), t.lastActivityAt());
        }
        return new Document(x.append("</urlset>\n").toString(), TYPE,
                page.items().stream().map(ForumThread::lastActivityAt).max(Instant::compareTo).orElse(null));
    }

    /**
     * Crawlers keep out of forms, accounts, admin, search and the API. Crawlers read robots.txt only at a host's root:
     * under a base path ({@code /community}) the host serves it, and may copy these lines from here.
     */
    private static Document robots(Call call) {
        String base = call.api().settings().basePath();
        StringBuilder x = new StringBuilder("User-agent: *\n");
        for (String path : List.of("/api/", "/admin/", "/account/", "/search/", "/login", "/register", "/logout",
                "/alerts/", "/watched/", "/reports/", "/forgot-password", "/reset-password", "/verify-email",
                "/unsubscribe/", "/members/*/report", "/posts/*/", "/threads/*/reply", "/threads/*/unread",
                "/boards/*/post-thread")) {
            x.append("Disallow: ").append(base).append(path).append('\n');
        }
        x.append("\nSitemap: ").append(SiteAddress.of(call)).append("/sitemap.xml\n");
        return new Document(x.toString(), "text/plain; charset=utf-8", null);
    }

    private static StringBuilder urlset() {
        return new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"" + NS + "\">\n");
    }

    private static void url(StringBuilder x, String loc, Instant lastmod) {
        x.append("  <url><loc>").append(Xml.esc(loc)).append("</loc>");
        if (lastmod != null) {
            x.append("<lastmod>").append(time(lastmod)).append("</lastmod>");
        }
        x.append("</url>\n");
    }

    /** W3C Datetime, as the protocol asks. */
    private static String time(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
