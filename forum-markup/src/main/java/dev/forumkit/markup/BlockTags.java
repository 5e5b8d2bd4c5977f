package dev.forumkit.markup;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * First pass over a post: finds the block-level BBCode tags ({@code [quote] [spoiler] [list] [*] [code]}) and splits
 * the source into a tree of tag groups around plain Markdown segments. Tags inside Markdown code (fenced blocks and
 * code spans) are left alone; unmatched tags and tags nested deeper than {@link #MAX_DEPTH} stay literal text. Runs
 * in linear time with no recursion, whatever the input.
 */
final class BlockTags {
    /** Tag groups deeper than this are shown as the text that was written. */
    static final int MAX_DEPTH = 20;

    private static final Pattern TAG = Pattern.compile(
            "\\[(/?)(quote|spoiler|list|code|\\*)(?:[= ]([^\\]\\n]{0,300}))?]", Pattern.CASE_INSENSITIVE);
    private static final Pattern FENCE = Pattern.compile(" {0,3}(`{3,}|~{3,})");
    private static final int TAG_LOOKAHEAD = 320;

    enum Kind { QUOTE, SPOILER, LIST, ITEM, CODE }

    /** A part of the tree: Markdown text, a code block, a list item separator or a tag group. */
    sealed interface Part permits Markdown, CodeBlock, ItemBreak, Group {
    }

    record Markdown(String text) implements Part {
    }

    record CodeBlock(String language, String text) implements Part {
    }

    record ItemBreak() implements Part {
    }

    record Group(Kind kind, String attribute, List<Part> children) implements Part {
    }

    private record Token(int start, int end, Kind kind, boolean closing, String attribute, String code) {
    }

    private final String src;
    private final List<Token> tokens = new ArrayList<>();
    private final Map<Integer, Integer> failedCodeSpans = new java.util.HashMap<>();
    private boolean noCodeCloser;

    private BlockTags(String src) {
        this.src = src;
    }

    /** Parses the source into the children of the document. */
    static List<Part> parse(String source) {
        BlockTags tags = new BlockTags(source);
        tags.tokenise();
        return tags.build(tags.match());
    }

    // ---- tokenising

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

    // ---- matching openers with closers (quote, spoiler, list)

    /** Returns, for each token, the index of its partner, or -1. */
    private int[] match() {
        int[] partner = new int[tokens.size()];
        java.util.Arrays.fill(partner, -1);
        Deque<Integer> open = new ArrayDeque<>();
        Map<Kind, Integer> openCount = new EnumMap<>(Kind.class);
        for (int t = 0; t < tokens.size(); t++) {
            Token token = tokens.get(t);
            if (token.kind == Kind.ITEM || token.kind == Kind.CODE) {
                continue;
            }
            if (!token.closing) {
                open.push(t);
                openCount.merge(token.kind, 1, Integer::sum);
            } else if (openCount.getOrDefault(token.kind, 0) > 0) {
                int o;
                while (tokens.get(o = open.pop()).kind != token.kind) {
                    openCount.merge(tokens.get(o).kind, -1, Integer::sum);
                }
                openCount.merge(token.kind, -1, Integer::sum);
                partner[o] = t;
                partner[t] = o;
            }
        }
        return partner;
    }

    // ---- building the tree

    private static final class Frame {
        final Kind kind;
        final String attribute;
        final List<Part> children = new ArrayList<>();
        final StringBuilder text = new StringBuilder();

        Frame(Kind kind, String attribute) {
            this.kind = kind;
            this.attribute = attribute;
        }

        void flush() {
            if (!text.isEmpty()) {
                children.add(new Markdown(text.toString()));
                text.setLength(0);
            }
        }
    }

    private List<Part> build(int[] partner) {
        Deque<Frame> stack = new ArrayDeque<>();
        stack.push(new Frame(null, null));
        boolean[] asGroup = new boolean[tokens.size()];
        int done = 0;
        for (int t = 0; t < tokens.size(); t++) {
            Token token = tokens.get(t);
            Frame current = stack.peek();
            current.text.append(src, done, token.start);
            done = token.end;
            String written = src.substring(token.start, token.end);
            switch (token.kind) {
                case CODE -> addCode(current, token);
                case ITEM -> {
                    if (current.kind == Kind.LIST) {
                        current.flush();
                        current.children.add(new ItemBreak());
                    } else {
                        current.text.append(written);
                    }
                }
                default -> {
                    if (!token.closing && partner[t] >= 0 && stack.size() <= MAX_DEPTH) {
                        current.flush();
                        stack.push(new Frame(token.kind, token.attribute));
                        asGroup[t] = true;
                    } else if (token.closing && partner[t] >= 0 && asGroup[partner[t]]) {
                        current.flush();
                        stack.pop();
                        stack.peek().children.add(new Group(current.kind, current.attribute, current.children));
                    } else {
                        current.text.append(written);
                    }
                }
            }
        }
        Frame root = stack.peek();
        root.text.append(src, done, src.length());
        root.flush();
        return root.children;
    }

    /** Multi-line code is a block; code within a line becomes a Markdown code span, so it stays in its paragraph. */
    private static void addCode(Frame current, Token token) {
        String code = token.code;
        if (code.indexOf('\n') < 0) {
            String fence = "`".repeat(longestBacktickRun(code) + 1);
            current.text.append(fence).append(' ').append(code).append(' ').append(fence);
            return;
        }
        current.flush();
        String language = token.attribute == null ? "" : token.attribute.strip();
        current.children.add(new CodeBlock(language, stripOuterNewlines(code)));
    }

    private static int longestBacktickRun(String s) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            run = s.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    private static String stripOuterNewlines(String code) {
        int start = code.startsWith("\n") ? 1 : 0;
        int end = code.length();
        while (end > start && (code.charAt(end - 1) == '\n' || code.charAt(end - 1) == ' ')) {
            end--;
        }
        return code.substring(start, end) + "\n";
    }
}
