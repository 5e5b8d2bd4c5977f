package dev.forumkit.core.markup;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The safe default renderer: no markup at all. Everything is escaped; blank lines separate paragraphs, single line
 * ends become {@code <br>}, and bare http and https addresses become links with {@code rel="nofollow ugc noopener"}.
 * It never resolves mentions.
 */
public final class PlainTextRenderer implements MarkupRenderer {
    public static final String VERSION = "plain-text/1";

    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\n[ \t]*\n[ \t\n]*");
    private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://[^\\s<>\"'`\\p{Cntrl}]+");

    @Override
    public Rendered render(String source, MentionResolver mentions) {
        String text = Html.clean(source).strip();
        StringBuilder html = new StringBuilder(text.length() + text.length() / 8 + 16);
        if (!text.isEmpty()) {
            for (String paragraph : PARAGRAPH_BREAK.split(text)) {
                html.append("<p>");
                appendLines(html, paragraph);
                html.append("</p>\n");
            }
        }
        return new Rendered(html.toString(), Set.of(), VERSION);
    }

    @Override
    public String version() {
        return VERSION;
    }

    private static void appendLines(StringBuilder html, String paragraph) {
        int start = 0;
        int nl;
        while ((nl = paragraph.indexOf('\n', start)) >= 0) {
            appendLinked(html, paragraph.substring(start, nl));
            html.append("<br>\n");
            start = nl + 1;
        }
        appendLinked(html, paragraph.substring(start));
    }

    private static void appendLinked(StringBuilder html, String line) {
        Matcher m = URL.matcher(line);
        int done = 0;
        while (m.find()) {
            String url = trimTrailingPunctuation(m.group());
            if (url.indexOf("://") + 3 >= url.length()) {
                continue;
            }
            Html.appendEscaped(html, line.substring(done, m.start()));
            html.append("<a href=\"");
            Html.appendEscaped(html, url);
            html.append("\" rel=\"nofollow ugc noopener\">");
            Html.appendEscaped(html, url);
            html.append("</a>");
            done = m.start() + url.length();
        }
        Html.appendEscaped(html, line.substring(done));
    }

    /** Sentence punctuation after an address is not part of it; a closing parenthesis is, when it has a partner. */
    static String trimTrailingPunctuation(String url) {
        int open = 0;
        int close = 0;
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            open += c == '(' ? 1 : 0;
            close += c == ')' ? 1 : 0;
        }
        int end = url.length();
        while (end > 0) {
            char c = url.charAt(end - 1);
            if (".,:;!?*_~]".indexOf(c) >= 0) {
                end--;
            } else if (c == ')' && open < close) {
                end--;
                close--;
            } else {
                break;
            }
        }
        return url.substring(0, end);
    }
}
