package dev.forumkit.core.search;

import dev.forumkit.core.post.Post;

import java.util.Locale;
import java.util.Set;

/**
 * The words of a post as people read them, for the index: its stored HTML without tags (block ends become spaces)
 * and with entities decoded, or its source when it has no rendering. Snippets are cut from this text and escaped
 * where they are shown, so nothing here has to be safe HTML.
 */
public final class PlainText {
    private static final Set<String> INLINE = Set.of("a", "b", "strong", "i", "em", "u", "s", "del", "ins", "code",
            "span", "sub", "sup", "mark", "small", "abbr", "kbd");

    private PlainText() {
    }

    public static String of(Post post) {
        return post.html() == null ? post.body() : fromHtml(post.html());
    }

    static String fromHtml(String html) {
        // a hand-written scan, not regular expressions: a rebuild runs this for every post
        StringBuilder b = new StringBuilder(html.length());
        int i = 0;
        int n = html.length();
        while (i < n) {
            char c = html.charAt(i);
            if (c == '<') {
                if (html.startsWith("<!--", i)) {
                    int close = html.indexOf("-->", i + 4);
                    i = close < 0 ? n : close + 3;
                    space(b);
                    continue;
                }
                int close = html.indexOf('>', i + 1);
                if (close < 0) {
                    b.append(html, i, n); // not a tag: a stray '<' in text
                    break;
                }
                if (!INLINE.contains(tagName(html, i + 1, close))) {
                    space(b);
                }
                i = close + 1;
            } else if (c == '&') {
                int semi = html.indexOf(';', i + 1);
                String decoded = semi < 0 || semi - i > 10 ? null : entity(html.substring(i + 1, semi));
                if (decoded == null) {
                    b.append(c);
                    i++;
                } else {
                    appendCollapsed(b, decoded);
                    i = semi + 1;
                }
            } else {
                if (Character.isWhitespace(c)) {
                    space(b);
                } else {
                    b.append(c);
                }
                i++;
            }
        }
        return b.toString().strip();
    }

    private static String tagName(String html, int from, int to) {
        int i = from < to && html.charAt(from) == '/' ? from + 1 : from;
        int end = i;
        while (end < to && Character.isLetterOrDigit(html.charAt(end))) {
            end++;
        }
        return html.substring(i, end).toLowerCase(Locale.ROOT);
    }

    private static void space(StringBuilder b) {
        if (b.length() > 0 && b.charAt(b.length() - 1) != ' ') {
            b.append(' ');
        }
    }

    private static void appendCollapsed(StringBuilder b, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                space(b);
            } else {
                b.append(c);
            }
        }
    }

    /** The text of an entity's name ({@code amp}, {@code #39}, {@code #x1F600}), or null when it is not one. */
    private static String entity(String name) {
        if (name.length() < 2) {
            return null;
        }
        try {
            if (name.startsWith("#x") || name.startsWith("#X")) {
                return Character.toString(Integer.parseInt(name.substring(2), 16));
            }
            if (name.startsWith("#")) {
                return Character.toString(Integer.parseInt(name.substring(1)));
            }
        } catch (IllegalArgumentException e) {
            return null; // not a code point
        }
        return switch (name) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> " ";
            default -> null;
        };
    }
}
