package dev.forumkit.web.internal.html;

import java.util.regex.Pattern;

/**
 * Post source as plain text, for what the stored HTML rendering cannot give: the excerpts on a profile and the text
 * inside a new quote. The post itself is shown from core's sanitised rendering.
 */
final class Bodies {
    private static final String INNERMOST_QUOTE = "(?is)\\[quote[^\\]]*](?:(?!\\[quote).)*?\\[/quote]";
    // compiled once: String.replaceAll compiles its pattern on every call, and plainText runs on every thread page
    private static final Pattern QUOTE_AND_SPACE = Pattern.compile(INNERMOST_QUOTE + "\\s*");
    private static final Pattern BLOCKQUOTE = Pattern.compile("(?is)<blockquote\\b.*?</blockquote>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Bodies() {
    }

    /** Plain text of a body: quotes dropped, whitespace folded, cut at {@code max} characters. */
    static String excerpt(String source, int max) {
        String s = SPACES.matcher(withoutQuotes(source)).replaceAll(" ").strip();
        return s.length() <= max ? s : s.substring(0, max).stripTrailing() + "…";
    }

    /**
     * The words of a post's sanitised HTML (quotes of other posts left out), for a page's description: tags dropped,
     * the entities the sanitiser writes turned back into characters (the template escapes the result again).
     */
    static String plainText(String html) {
        String text = TAG.matcher(BLOCKQUOTE.matcher(html).replaceAll(" ")).replaceAll(" ")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#34;", "\"")
                .replace("&#39;", "'").replace("&#64;", "@").replace("&nbsp;", " ").replace("&amp;", "&");
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    /** The body to put inside a new quote: earlier quotes removed, as classic forums do. */
    static String withoutQuotes(String source) {
        String s = source == null ? "" : source;
        String prev;
        do {
            prev = s;
            s = QUOTE_AND_SPACE.matcher(s).replaceAll("");
        } while (!s.equals(prev));
        return s.strip();
    }
}
