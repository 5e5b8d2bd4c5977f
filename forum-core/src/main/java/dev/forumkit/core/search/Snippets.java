package dev.forumkit.core.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts a snippet out of a post's plain text around the matches an engine found, as {@link Segment}s. Runs of
 * whitespace become one space; a cut end is marked with an ellipsis.
 */
public final class Snippets {
    /** About how long a snippet is, in characters. */
    public static final int LENGTH = 220;
    private static final int BEFORE = 60;
    /** Compiled once: a page's 20 snippets and titles join runs of whitespace in every segment. */
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Snippets() {
    }

    /** A match: characters {@code start} (inclusive) to {@code end} (exclusive) of the text. */
    public record Range(int start, int end) {
        public Range {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("bad range " + start + ".." + end);
            }
        }
    }

    /** The part of {@code text} around the first match, matches highlighted; the text's start when none matched. */
    public static List<Segment> around(String text, List<Range> matches) {
        List<Range> sorted = merged(text, matches);
        int start = 0;
        if (!sorted.isEmpty() && sorted.get(0).start() > BEFORE) {
            start = wordStart(text, sorted.get(0).start() - BEFORE);
        }
        int end = Math.min(text.length(), start + LENGTH);
        end = wordEnd(text, end);
        List<Segment> out = new ArrayList<>();
        if (start > 0) {
            out.add(Segment.plain("…"));
        }
        int at = start;
        for (Range r : sorted) {
            if (r.start() < at || r.start() >= end) {
                continue;
            }
            add(out, text.substring(at, r.start()), false);
            add(out, text.substring(r.start(), Math.min(r.end(), end)), true);
            at = Math.min(r.end(), end);
        }
        add(out, text.substring(at, end), false);
        if (end < text.length()) {
            add(out, "…", false);
        }
        return trim(out);
    }

    /** The whole of a short text (a title) with its matches highlighted. */
    public static List<Segment> whole(String text, List<Range> matches) {
        List<Range> sorted = merged(text, matches);
        List<Segment> out = new ArrayList<>();
        int at = 0;
        for (Range r : sorted) {
            if (r.start() < at) {
                continue;
            }
            add(out, text.substring(at, r.start()), false);
            add(out, text.substring(r.start(), r.end()), true);
            at = r.end();
        }
        add(out, text.substring(at), false);
        return trim(out);
    }

    /** The ranges in order, overlapping ones (CJK bigrams "自転" and "転車") joined into one. */
    private static List<Range> merged(String text, List<Range> matches) {
        List<Range> sorted = new ArrayList<>(matches);
        sorted.removeIf(r -> r.end() > text.length() || r.end() == r.start());
        sorted.sort(Comparator.comparingInt(Range::start));
        List<Range> out = new ArrayList<>();
        for (Range r : sorted) {
            Range last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && r.start() < last.end()) {
                out.set(out.size() - 1, new Range(last.start(), Math.max(last.end(), r.end())));
            } else {
                out.add(r);
            }
        }
        return out;
    }

    private static void add(List<Segment> out, String raw, boolean highlighted) {
        String text = SPACES.matcher(raw).replaceAll(" ");
        if (text.isEmpty()) {
            return;
        }
        if (!out.isEmpty() && out.get(out.size() - 1).highlighted() == highlighted) {
            Segment last = out.remove(out.size() - 1);
            text = SPACES.matcher(last.text() + text).replaceAll(" ");
        }
        out.add(new Segment(text, highlighted));
    }

    private static List<Segment> trim(List<Segment> out) {
        if (!out.isEmpty() && !out.get(0).highlighted()) {
            String t = out.get(0).text().stripLeading();
            out.set(0, Segment.plain(t));
        }
        int last = out.size() - 1;
        if (last >= 0 && !out.get(last).highlighted()) {
            out.set(last, Segment.plain(out.get(last).text().stripTrailing()));
        }
        out.removeIf(s -> s.text().isEmpty());
        return out;
    }

    private static int wordStart(String text, int at) {
        int i = Math.max(0, at);
        int limit = Math.max(0, i - 20);
        while (i > limit && !Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        if (Character.isLowSurrogate(text.charAt(i)) && i > 0) {
            i--;
        }
        return i;
    }

    private static int wordEnd(String text, int at) {
        int i = at;
        int limit = Math.min(text.length(), i + 20);
        while (i < limit && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (i < text.length() && i > 0 && Character.isHighSurrogate(text.charAt(i - 1))) {
            i++;
        }
        return i;
    }
}
