package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.search.Snippets.Range;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads where {@code ts_headline} marked matches. The headline is asked for the whole folded text
 * ({@code HighlightAll}) with {@link #START} and {@link #STOP} around each match: control characters that
 * {@link SearchText#fold} removed from the text, so no text can forge a marker. Only the marked words are taken
 * from the headline, as ranges of the text: the snippet itself is cut from the stored plain text by Java, so
 * nothing PostgreSQL returns is ever shown as markup.
 */
final class Headlines {
    static final char START = '\u0001';
    static final char STOP = '\u0002';
    /** ts_headline's options: the whole text, the control-character markers. */
    static final String OPTIONS = "HighlightAll=true, StartSel=" + START + ", StopSel=" + STOP;

    private Headlines() {
    }

    /**
     * The ranges of {@code folded} that {@code marked} (its headline) highlights. The headline is normally the text
     * with markers added; where it is not (PostgreSQL drops or replaces a token), each marked word is looked up
     * from the last place found onwards.
     */
    static List<Range> ranges(String marked, String folded) {
        List<Range> out = new ArrayList<>();
        int at = 0;
        int i = 0;
        while (i <= marked.length()) {
            int open = marked.indexOf(START, i);
            String plain = open < 0 ? marked.substring(i) : marked.substring(i, open);
            if (folded.startsWith(plain, at)) {
                at += plain.length();
            }
            if (open < 0) {
                break;
            }
            int close = marked.indexOf(STOP, open + 1);
            if (close < 0) {
                break;
            }
            String word = marked.substring(open + 1, close);
            int found = word.isEmpty() ? -1 : folded.indexOf(word, at);
            if (found >= 0) {
                out.add(new Range(found, found + word.length()));
                at = found + word.length();
            }
            i = close + 1;
        }
        return out;
    }

    /** Every place in {@code folded} where one of the CJK runs occurs (ts_headline does not see CJK pairs). */
    static List<Range> cjk(String folded, List<String> runs) {
        List<Range> out = new ArrayList<>();
        for (String run : runs) {
            for (int at = folded.indexOf(run); at >= 0; at = folded.indexOf(run, at + run.length())) {
                out.add(new Range(at, at + run.length()));
            }
        }
        return out;
    }
}
