package dev.forumkit.web.internal.html;

/**
 * Post source as plain text, for what the stored HTML rendering cannot give: the excerpts on a profile and the text
 * inside a new quote. The post itself is shown from core's sanitised rendering.
 */
final class Bodies {
    private static final String INNERMOST_QUOTE = "(?is)\\[quote[^\\]]*](?:(?!\\[quote).)*?\\[/quote]";

    private Bodies() {
    }

    /** Plain text of a body: quotes dropped, whitespace folded, cut at {@code max} characters. */
    static String excerpt(String source, int max) {
        String s = withoutQuotes(source).replaceAll("\\s+", " ").strip();
        return s.length() <= max ? s : s.substring(0, max).stripTrailing() + "…";
    }

    /**
     * The words of a post's sanitised HTML (quotes of other posts left out), for a page's description: tags dropped,
     * the entities the sanitiser writes turned back into characters (the template escapes the result again).
     */
    static String plainText(String html) {
        String text = html.replaceAll("(?is)<blockquote\\b.*?</blockquote>", " ").replaceAll("<[^>]*>", " ")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#34;", "\"")
                .replace("&#39;", "'").replace("&#64;", "@").replace("&nbsp;", " ").replace("&amp;", "&");
        return text.replaceAll("\\s+", " ").strip();
    }

    /** The body to put inside a new quote: earlier quotes removed, as classic forums do. */
    static String withoutQuotes(String source) {
        String s = source == null ? "" : source;
        String prev;
        do {
            prev = s;
            s = s.replaceAll(INNERMOST_QUOTE + "\\s*", "");
        } while (!s.equals(prev));
        return s.strip();
    }
}
