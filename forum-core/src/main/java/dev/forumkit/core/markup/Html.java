package dev.forumkit.core.markup;

/**
 * Escaping for text that is never markup: thread titles, usernames, custom titles, and everything
 * {@link PlainTextRenderer} shows. The result is safe in element content and in quoted attribute values.
 */
public final class Html {
    private static final char REPLACEMENT = '\uFFFD';

    private Html() {
    }

    /** Escapes {@code & < > " '} and replaces characters a page must not carry (see {@link #clean}). */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        appendEscaped(out, clean(text));
        return out.toString();
    }

    static void appendEscaped(StringBuilder out, CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }

    /**
     * Makes text well formed for HTML: line ends become {@code \n}; NUL, other control characters (except tab and
     * line feed), unpaired surrogates and the non-characters U+FFFE and U+FFFF become U+FFFD. Returns the same
     * instance when nothing needed changing.
     */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        if (isClean(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(isAllowed(c) ? c : REPLACEMENT);
            }
        }
        return out.toString();
    }

    private static boolean isClean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (c == '\r' || !isAllowed(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAllowed(char c) {
        if (c == '\t' || c == '\n') {
            return true;
        }
        return !(c < 0x20 || (c >= 0x7F && c <= 0x9F) || Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF');
    }
}
