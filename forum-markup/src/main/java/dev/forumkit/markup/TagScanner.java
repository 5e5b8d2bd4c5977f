package dev.forumkit.markup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the block-level BBCode tags in a post, in order: {@code [quote] [spoiler] [list] [*]} and whole
 * {@code [code]...[/code]} spans. Tags inside Markdown code (fenced blocks and code spans) are not tags. Linear in
 * the length of the source, whatever it holds.
 */
final class TagScanner {
    private static final Pattern TAG = Pattern.compile(
            "\\[(/?)(quote|spoiler|list|code|\\*)(?:[= ]([^\\]\\n]{0,300}))?]", Pattern.CASE_INSENSITIVE);
    private static final Pattern FENCE = Pattern.compile(" {0,3}(`{3,}|~{3,})");
    private static final int TAG_LOOKAHEAD = 320;

    enum Kind { QUOTE, SPOILER, LIST, ITEM, CODE }

    /** A tag as written: where it is, what it is, its attribute, and for code the text it encloses. */
    record Token(int start, int end, Kind kind, boolean closing, String attribute, String code) {
    }

    private final String src;
    private final List<Token> tokens = new ArrayList<>();
    private final Map<Integer, Integer> failedCodeSpans = new HashMap<>();
    private boolean noCodeCloser;

    private TagScanner(String src) {
        this.src = src;
    }

    static List<Token> scan(String source) {
        TagScanner scanner = new TagScanner(source);
        scanner.tokenise();
        return scanner.tokens;
    }

    private void tokenise() {
        int n = src.length();
        int i = 0;
        boolean lineStart = true;
        Matcher tag = TAG.matcher(src);
        while (i < n) {
            if (lineStart) {
                int afterFence = skipFencedCode(i);
                if (afterFence > i) {
                    i = afterFence;
                    continue;
                }
            }
            char c = src.charAt(i);
            lineStart = c == '\n';
            if (c == '`') {
                i = skipCodeSpan(i);
            } else if (c == '[') {
                tag.region(i, Math.min(n, i + TAG_LOOKAHEAD));
                if (tag.lookingAt()) {
                    i = addTag(tag);
                } else {
                    i++;
                }
            } else {
                i++;
            }
        }
    }

    private int addTag(Matcher m) {
        String name = m.group(2).toLowerCase(Locale.ROOT);
        boolean closing = !m.group(1).isEmpty();
        String attribute = m.group(3);
        if (name.equals("*")) {
            if (!closing && attribute == null) {
                tokens.add(new Token(m.start(), m.end(), Kind.ITEM, false, null, null));
            }
            return m.end();
        }
        Kind kind = Kind.valueOf(name.toUpperCase(Locale.ROOT));
        if (kind == Kind.CODE) {
            return closing ? m.end() : addCode(m, attribute);
        }
        tokens.add(new Token(m.start(), m.end(), kind, closing, closing ? null : attribute, null));
        return m.end();
    }

    /** Code takes everything up to the next {@code [/code]} literally; no closer means the opener is just text. */
    private int addCode(Matcher m, String language) {
        int close = noCodeCloser ? -1 : indexOfIgnoreCase("[/code]", m.end());
        if (close < 0) {
            noCodeCloser = true;
            return m.end();
        }
        String code = src.substring(m.end(), close);
        tokens.add(new Token(m.start(), close + 7, Kind.CODE, false, language, code));
        return close + 7;
    }

    private int indexOfIgnoreCase(String needle, int from) {
        for (int i = src.indexOf('[', from); i >= 0; i = src.indexOf('[', i + 1)) {
            if (src.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }

    /** At a line start: a Markdown fence skips to after its closing fence (or the end). Returns {@code i} if none. */
    private int skipFencedCode(int i) {
        int first = i;
        while (first < src.length() && first < i + 3 && src.charAt(first) == ' ') {
            first++;
        }
        if (first >= src.length() || (src.charAt(first) != '`' && src.charAt(first) != '~')) {
            return i; // the common case, decided without a regex
        }
        Matcher fence = FENCE.matcher(src).region(i, Math.min(src.length(), i + 64));
        if (!fence.lookingAt()) {
            return i;
        }
        String marker = fence.group(1);
        if (marker.charAt(0) == '`' && src.indexOf('`', fence.end()) >= 0
                && src.indexOf('`', fence.end()) < lineEnd(fence.end())) {
            return i; // a backtick fence's info string may not contain backticks: this is a code span
        }
        int line = nextLine(fence.end());
        while (line < src.length()) {
            Matcher closing = FENCE.matcher(src).region(line, Math.min(src.length(), line + 64));
            if (closing.lookingAt() && closing.group(1).charAt(0) == marker.charAt(0)
                    && closing.group(1).length() >= marker.length()
                    && src.substring(closing.end(), lineEnd(closing.end())).isBlank()) {
                return nextLine(closing.end());
            }
            line = nextLine(line);
        }
        return src.length();
    }

    private int lineEnd(int from) {
        int nl = src.indexOf('\n', from);
        return nl < 0 ? src.length() : nl;
    }

    private int nextLine(int from) {
        int nl = src.indexOf('\n', from);
        return nl < 0 ? src.length() : nl + 1;
    }

    /**
     * A run of backticks opens a code span closed by the next run of the same length in the same paragraph.
     * Failed searches are remembered per run length, so hostile input cannot make this quadratic.
     */
    private int skipCodeSpan(int i) {
        int runEnd = i;
        while (runEnd < src.length() && src.charAt(runEnd) == '`') {
            runEnd++;
        }
        int length = runEnd - i;
        Integer failedBefore = failedCodeSpans.get(length);
        if (failedBefore != null && runEnd <= failedBefore) {
            return runEnd;
        }
        int j = runEnd;
        while (j < src.length()) {
            char c = src.charAt(j);
            if (c == '\n' && isBlankLineAfter(j)) {
                break;
            }
            if (c == '`') {
                int k = j;
                while (k < src.length() && src.charAt(k) == '`') {
                    k++;
                }
                if (k - j == length) {
                    return k;
                }
                j = k;
            } else {
                j++;
            }
        }
        failedCodeSpans.put(length, j);
        return runEnd;
    }

    private boolean isBlankLineAfter(int newline) {
        int end = lineEnd(newline + 1);
        return src.substring(newline + 1, end).isBlank();
    }
}
