package dev.forumkit.core.search;

import dev.forumkit.core.post.Post;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a post as people read them, for the index: its stored HTML without tags (block ends become spaces)
 * and with entities decoded, or its source when it has no rendering. Snippets are cut from this text and escaped
 * where they are shown, so nothing here has to be safe HTML.
 */
public final class PlainText {
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*>|<!--.*?-->", Pattern.DOTALL);
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Set<String> INLINE = Set.of("a", "b", "strong", "i", "em", "u", "s", "del", "ins", "code",
            "span", "sub", "sup", "mark", "small", "abbr", "kbd");

    private PlainText() {
    }

    public static String of(Post post) {
        return post.html() == null ? post.body() : fromHtml(post.html());
    }

    static String fromHtml(String html) {
        Matcher m = TAG.matcher(html);
        StringBuilder b = new StringBuilder(html.length());
        int at = 0;
        while (m.find()) {
            b.append(html, at, m.start());
            String name = m.group(2);
            if (name == null || !INLINE.contains(name.toLowerCase(Locale.ROOT))) {
                b.append(' ');
            }
            at = m.end();
        }
        b.append(html, at, html.length());
        return decode(b.toString()).replaceAll("[ \\t\\x0B\\f\\r\\n]+", " ").strip();
    }

    private static String decode(String text) {
        Matcher m = ENTITY.matcher(text);
        StringBuilder b = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(entity(m.group(1), m.group())));
        }
        m.appendTail(b);
        return b.toString();
    }

    private static String entity(String name, String whole) {
        try {
            if (name.startsWith("#x") || name.startsWith("#X")) {
                return Character.toString(Integer.parseInt(name.substring(2), 16));
            }
            if (name.startsWith("#")) {
                return Character.toString(Integer.parseInt(name.substring(1)));
            }
        } catch (IllegalArgumentException e) {
            return whole; // not a code point
        }
        return switch (name) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> " ";
            default -> whole;
        };
    }
}
