package dev.forumkit.web.internal.html;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Post bodies as HTML until the markup renderer is wired into core: every character escaped, blank lines make
 * paragraphs, single line ends {@code <br>}, bare http(s) addresses become links, and
 * {@code [quote=name post=ID]...[/quote]} (the forum's quote syntax, which the markup renderer also reads) becomes a
 * quote block with its attribution linking back to the source post. Anything unbalanced stays as text.
 */
final class Bodies {
    private static final Pattern TAG = Pattern.compile("\\[quote(?:=([\\p{L}\\p{N}_.\\-]{1,32})(?:\\s+post=(\\d{1,18}))?)?]|\\[/quote]",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\n[ \t]*\n[ \t\n]*");
    private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://[^\\s<>\"'`\\[\\]\\p{Cntrl}]+");
    private static final int MAX_DEPTH = 8;

    private Bodies() {
    }

    static String html(String source, Links links) {
        String text = source == null ? "" : source.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(text.length() + 64);
        Set<Integer> paired = pairedTags(text);
        Matcher m = TAG.matcher(text);
        int done = 0;
        while (m.find()) {
            if (!paired.contains(m.start())) {
                continue; // a tag without a partner stays text
            }
            text(out, text.substring(done, m.start()));
            done = m.end();
            if (m.group().startsWith("[/")) {
                out.append("</div></blockquote>\n");
                continue;
            }
            out.append("<blockquote class=\"quote\">");
            String who = m.group(1);
            String post = m.group(2);
            if (who != null) {
                out.append("<div class=\"quote-head\">");
                if (post != null) {
                    out.append("<a href=\"").append(Avatars.escape(links.post(Long.parseLong(post)))).append("\">");
                }
                out.append(Avatars.escape(who)).append(" said:");
                if (post != null) {
                    out.append("</a>");
                }
                out.append("</div>");
            }
            out.append("<div class=\"quote-body\">");
        }
        text(out, text.substring(done));
        return out.toString();
    }

    /** Start offsets of the opening and closing tags that pair up (properly nested, at most 8 deep). */
    private static Set<Integer> pairedTags(String text) {
        Set<Integer> paired = new HashSet<>();
        Deque<Integer> stack = new ArrayDeque<>();
        Matcher m = TAG.matcher(text);
        while (m.find()) {
            if (m.group().startsWith("[/")) {
                if (!stack.isEmpty()) {
                    paired.add(stack.pop());
                    paired.add(m.start());
                }
            } else if (stack.size() < MAX_DEPTH) {
                stack.push(m.start());
            }
        }
        return paired;
    }

    private static void text(StringBuilder out, String chunk) {
        String t = chunk.strip();
        if (t.isEmpty()) {
            return;
        }
        for (String paragraph : PARAGRAPH_BREAK.split(t)) {
            out.append("<p>");
            String[] lines = paragraph.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    out.append("<br>\n");
                }
                linked(out, lines[i]);
            }
            out.append("</p>\n");
        }
    }

    private static void linked(StringBuilder out, String line) {
        Matcher m = URL.matcher(line);
        int done = 0;
        while (m.find()) {
            String url = trimTrailing(m.group());
            if (url.indexOf("://") + 3 >= url.length()) {
                continue;
            }
            out.append(Avatars.escape(line.substring(done, m.start())));
            String safe = Avatars.escape(url);
            out.append("<a href=\"").append(safe).append("\" rel=\"nofollow ugc noopener\">").append(safe).append("</a>");
            done = m.start() + url.length();
        }
        out.append(Avatars.escape(line.substring(done)));
    }

    private static String trimTrailing(String url) {
        int end = url.length();
        while (end > 0 && ".,:;!?)".indexOf(url.charAt(end - 1)) >= 0) {
            end--;
        }
        return url.substring(0, end);
    }

    /** Plain text of a body for excerpts (profile, search): quotes dropped, whitespace folded, cut at {@code max}. */
    static String excerpt(String source, int max) {
        String s = source == null ? "" : source;
        String prev;
        do {
            prev = s;
            s = s.replaceAll("(?is)\\[quote[^\\]]*](?:(?!\\[quote).)*?\\[/quote]", " ");
        } while (!s.equals(prev));
        s = s.replaceAll("\\s+", " ").strip();
        return s.length() <= max ? s : s.substring(0, max).stripTrailing() + "…";
    }

    /** The body to put inside a new quote: earlier quotes removed, as classic forums do. */
    static String withoutQuotes(String source) {
        String s = source == null ? "" : source;
        String prev;
        do {
            prev = s;
            s = s.replaceAll("(?is)\\[quote[^\\]]*](?:(?!\\[quote).)*?\\[/quote]\\s*", "");
        } while (!s.equals(prev));
        return s.strip();
    }
}
