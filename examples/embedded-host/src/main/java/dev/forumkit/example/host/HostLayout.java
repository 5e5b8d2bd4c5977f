package dev.forumkit.example.host;

import dev.forumkit.web.ForumPage;

/**
 * The host's page: its header and footer around its own pages and, as the forum's {@code PageFrame}, around every
 * forum page. The host's stylesheet comes after the forum's so its {@code --fk-*} colours win.
 */
final class HostLayout {
    /** The host's stylesheet: its own look, and the forum's accent colour set to the host's. */
    static final String CSS = ":root { --fk-accent: #8a1538; --fk-accent-dark: #5e0e26; }\n"
            + ".host-header, .host-footer { background: #5e0e26; color: #fff; padding: 8px 16px; }\n"
            + ".host-header a, .host-footer a { color: #fff; }\n";

    private HostLayout() {
    }

    /** One of the host's own pages. */
    static String page(String title, String body) {
        return document(escape(title), "", "<main>" + "<h1>" + escape(title) + "</h1>" + body + "</main>");
    }

    /** A forum page inside the host's page: the forum's parts where the host wants them. */
    static String frame(ForumPage page) {
        return document(escape(page.title()), page.head(), page.navigation() + page.breadcrumbs() + page.content());
    }

    private static String document(String title, String head, String body) {
        return "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>" + title + " | Example Host</title>"
                + head + "<link rel=\"stylesheet\" href=\"/host.css\"></head><body>"
                + "<header class=\"host-header\"><strong>Example Host</strong> <a href=\"/\">ホーム</a>"
                + " <a href=\"/community/\">コミュニティ</a></header>"
                + body
                + "<footer class=\"host-footer\">Example Host · 2026</footer></body></html>";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
