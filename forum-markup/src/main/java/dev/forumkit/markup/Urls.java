package dev.forumkit.markup;

import java.util.regex.Pattern;

/** The addresses posts may link to and show images from. Everything else is refused (null). */
final class Urls {
    private static final Pattern LINK = Pattern.compile("(?i)(?:https?://|mailto:)[^\\s<>\"'`\\\\]+");
    private static final Pattern IMAGE = Pattern.compile("(?i)https?://[^\\s<>\"'`\\\\]+");
    private static final Pattern WWW = Pattern.compile("(?i)www\\.[^\\s<>\"'`\\\\]+");
    /** Links inside the forum (profiles, quoted posts): a path on this site, never {@code //host} or {@code /\host}. */
    private static final Pattern SITE_PATH = Pattern.compile("/(?![/\\\\])[^\\s<>\"'`\\\\]*");

    private Urls() {
    }

    /** A link target written by a member: http, https, mailto, or {@code www.} (taken as http). */
    static String link(String written) {
        String url = unquote(written);
        if (LINK.matcher(url).matches()) {
            return url;
        }
        return WWW.matcher(url).matches() ? "http://" + url : null;
    }

    /** An image address written by a member: http or https only. */
    static String image(String written) {
        String url = unquote(written);
        return IMAGE.matcher(url).matches() ? url : null;
    }

    /** True for any href the allow-list keeps: the member-written kinds plus paths on this site. */
    static boolean allowedHref(String href) {
        return LINK.matcher(href).matches() || SITE_PATH.matcher(href).matches();
    }

    static boolean allowedImage(String src) {
        return IMAGE.matcher(src).matches();
    }

    private static String unquote(String written) {
        if (written == null) {
            return "";
        }
        String s = written.strip();
        if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'') && s.charAt(s.length() - 1) == s.charAt(0)) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s;
    }
}
