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
        // one pass over the text instead of two regular expressions, eight replaces and a third expression (2.5 % of
        // a guest thread page's request-thread CPU in the profile, task pagecpu); the same text for every input
        // (BodiesTest compares it with the expressions): the quotes first (only when there is one: a regular
        // expression still), then tags to spaces, the entities decoded and runs of whitespace folded in one pass
        String s = hasBlockquote(html) ? BLOCKQUOTE.matcher(html).replaceAll(" ") : html;
        int n = s.length();
        StringBuilder out = new StringBuilder(n);
        boolean space = false; // a run of whitespace (\\s, a tag, a decoded &nbsp;) not written yet: one ' '
        boolean tags = true; // false once a '<' had no '>' after it: no later '<' has one either
        int i = 0;
        while (i < n) {
            char ch = s.charAt(i);
            char c = ch;
            int next = i + 1;
            if (ch == '<' && tags) {
                int gt = s.indexOf('>', next);
                tags = gt >= 0;
                if (tags) { // a tag: a space; a '<' without a '>' after it is text
                    space = true;
                    i = gt + 1;
                    continue;
                }
            } else if (ch == '&') {
                int k = entity(s, i);
                if (k >= 0) {
                    c = ENTITY_CHARS.charAt(k);
                    next = i + ENTITIES[k].length();
                }
            }
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                space = true;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
            i = next;
        }
        if (space) {
            out.append(' ');
        }
        return out.toString().strip();
    }

    /** The entities the sanitiser writes, and what each stands for (plainText turned them back one by one). */
    private static final String[] ENTITIES = {"&lt;", "&gt;", "&quot;", "&#34;", "&#39;", "&#64;", "&nbsp;", "&amp;"};
    private static final String ENTITY_CHARS = "<>\"\"'@ &";

    /** The index in {@link #ENTITIES} of the entity at {@code i}, or -1. */
    private static int entity(String s, int i) {
        for (int k = 0; k < ENTITIES.length; k++) {
            if (s.startsWith(ENTITIES[k], i)) {
                return k;
            }
        }
        return -1;
    }

    /** Whether {@link #BLOCKQUOTE} may match: a {@code <blockquote} in any case (a quick check, not the rule). */
    private static boolean hasBlockquote(String html) {
        for (int i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) {
            if (html.regionMatches(true, i + 1, "blockquote", 0, 10)) {
                return true;
            }
        }
        return false;
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
