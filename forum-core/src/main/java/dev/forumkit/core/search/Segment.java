package dev.forumkit.core.search;

import java.util.List;
import java.util.Objects;

/**
 * A piece of a snippet or title: plain text, highlighted where it matched. Never markup: whoever shows it escapes
 * the text, so a post cannot smuggle HTML into a result page through its snippet.
 */
public record Segment(String text, boolean highlighted) {
    public Segment {
        Objects.requireNonNull(text, "text");
    }

    public static Segment plain(String text) {
        return new Segment(text, false);
    }

    public static Segment match(String text) {
        return new Segment(text, true);
    }

    /** The segments' text run together, highlighting dropped. */
    public static String text(List<Segment> segments) {
        StringBuilder b = new StringBuilder();
        segments.forEach(s -> b.append(s.text()));
        return b.toString();
    }
}
