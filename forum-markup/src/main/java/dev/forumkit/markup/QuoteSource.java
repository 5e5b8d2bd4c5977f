package dev.forumkit.markup;

import dev.forumkit.core.post.PostId;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who and what a {@code [quote]} quotes, read from the tag's attribute. Understands the forumkit form written by the
 * Quote button ({@code [quote=ann post=123]}) and the forms classic forums export: {@code [quote="ann"]},
 * {@code [quote="ann, post: 123, member: 7"]} (XenForo), {@code [quote=ann;123]} (vBulletin) and
 * {@code [quote="ann" post_id=123 user_id=7]} (phpBB). Either part may be missing.
 */
record QuoteSource(String author, PostId post) {
    private static final int MAX_AUTHOR = 64;
    private static final Pattern POST = Pattern.compile("(?:^|[\\s,;])post(?:_id)?\\s*[=:]\\s*[\"']?(\\d{1,18})(?!\\d)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern VBULLETIN_POST = Pattern.compile("^;\\s*(\\d{1,18})(?!\\d)");

    static final QuoteSource NONE = new QuoteSource(null, null);

    static QuoteSource parse(String attribute) {
        if (attribute == null || attribute.isBlank()) {
            return NONE;
        }
        String s = attribute.strip();
        String name;
        String rest;
        char first = s.charAt(0);
        if ((first == '"' || first == '\'') && s.indexOf(first, 1) > 0) {
            int close = s.indexOf(first, 1);
            String quoted = s.substring(1, close);
            rest = quoted + " " + s.substring(close + 1);
            int comma = quoted.indexOf(',');
            name = comma >= 0 ? quoted.substring(0, comma) : quoted;
        } else {
            int end = 0;
            while (end < s.length() && !Character.isWhitespace(s.charAt(end)) && s.charAt(end) != ';') {
                end++;
            }
            name = s.substring(0, end);
            rest = s.substring(end);
            if (name.contains("=")) {
                name = null;
                rest = " " + s;
            }
        }
        return new QuoteSource(author(name), post(rest));
    }

    private static String author(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = name.strip();
        if (n.length() <= MAX_AUTHOR) {
            return n;
        }
        return n.substring(0, Character.isHighSurrogate(n.charAt(MAX_AUTHOR - 1)) ? MAX_AUTHOR - 1 : MAX_AUTHOR);
    }

    private static PostId post(String rest) {
        Matcher m = VBULLETIN_POST.matcher(rest);
        if (!m.find()) {
            m = POST.matcher(rest);
            if (!m.find()) {
                return null;
            }
        }
        long id = Long.parseLong(m.group(1));
        return id > 0 ? PostId.of(id) : null;
    }
}
