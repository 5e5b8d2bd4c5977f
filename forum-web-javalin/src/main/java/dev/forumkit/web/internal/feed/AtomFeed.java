package dev.forumkit.web.internal.feed;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * An Atom 1.0 feed (RFC 4287): the feed's id is its own address; each entry's id is the permanent address of what
 * it stands for ({@code /posts/{id}/}, {@code /threads/{id}/}), which no title change alters. The feed's
 * {@code updated} is its newest entry's (or {@code emptySince} for a feed without entries), so an unchanged feed is
 * byte for byte the same document and keeps its ETag.
 */
final class AtomFeed {
    static final String TYPE = "application/atom+xml; charset=utf-8";
    private final String self;
    private final String title;
    private final String alternate;
    private final Instant emptySince;
    private final List<Entry> entries = new ArrayList<>();

    /** One entry: {@code html} is the sanitised rendering of the post, escaped here as Atom's {@code type="html"}. */
    record Entry(String id, String title, String link, String author, Instant published, Instant updated, String html) {
        Entry {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(link, "link");
            Objects.requireNonNull(author, "author");
            Objects.requireNonNull(published, "published");
            Objects.requireNonNull(updated, "updated");
            Objects.requireNonNull(html, "html");
        }
    }

    AtomFeed(String self, String title, String alternate, Instant emptySince) {
        this.self = self;
        this.title = title;
        this.alternate = alternate;
        this.emptySince = emptySince;
    }

    AtomFeed add(Entry e) {
        entries.add(e);
        return this;
    }

    Instant updated() {
        return entries.stream().map(Entry::updated).max(Comparator.naturalOrder()).orElse(emptySince);
    }

    Document document() {
        StringBuilder x = new StringBuilder(4096);
        x.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
        x.append("  <id>").append(Xml.esc(self)).append("</id>\n");
        x.append("  <title>").append(Xml.esc(title)).append("</title>\n");
        x.append("  <updated>").append(time(updated())).append("</updated>\n");
        x.append("  <link rel=\"self\" type=\"application/atom+xml\" href=\"").append(Xml.esc(self)).append("\"/>\n");
        x.append("  <link rel=\"alternate\" type=\"text/html\" href=\"").append(Xml.esc(alternate)).append("\"/>\n");
        x.append("  <generator>forumkit</generator>\n");
        for (Entry e : entries) {
            x.append("  <entry>\n");
            x.append("    <id>").append(Xml.esc(e.id())).append("</id>\n");
            x.append("    <title>").append(Xml.esc(e.title())).append("</title>\n");
            x.append("    <link rel=\"alternate\" type=\"text/html\" href=\"").append(Xml.esc(e.link())).append("\"/>\n");
            x.append("    <author><name>").append(Xml.esc(e.author())).append("</name></author>\n");
            x.append("    <published>").append(time(e.published())).append("</published>\n");
            x.append("    <updated>").append(time(e.updated())).append("</updated>\n");
            x.append("    <content type=\"html\">").append(Xml.esc(e.html())).append("</content>\n");
            x.append("  </entry>\n");
        }
        x.append("</feed>\n");
        return new Document(x.toString(), TYPE, updated());
    }

    /** RFC 3339 in UTC, whole seconds (as Last-Modified has them). */
    private static String time(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
