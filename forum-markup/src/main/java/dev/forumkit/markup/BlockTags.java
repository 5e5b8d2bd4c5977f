package dev.forumkit.markup;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * First pass over a post: finds the block-level BBCode tags ({@code [quote] [spoiler] [list] [*] [code]}) and splits
 * the source into a tree of tag groups around plain Markdown segments. Tags inside Markdown code (fenced blocks and
 * code spans) are left alone; unmatched tags and tags nested deeper than {@link #MAX_DEPTH} stay literal text. Runs
 * in linear time with no recursion, whatever the input.
 */
final class BlockTags {
    /** Tag groups deeper than this are shown as the text that was written. */
    static final int MAX_DEPTH = 20;

    /** A part of the tree: Markdown text, a code block, a list item separator or a tag group. */
    sealed interface Part permits Markdown, CodeBlock, ItemBreak, Group {
    }

    record Markdown(String text) implements Part {
    }

    record CodeBlock(String language, String text) implements Part {
    }

    record ItemBreak() implements Part {
    }

    record Group(TagScanner.Kind kind, String attribute, List<Part> children) implements Part {
    }

    private final String src;
    private final List<TagScanner.Token> tokens;

    private BlockTags(String src) {
        this.src = src;
        this.tokens = TagScanner.scan(src);
    }

    /** Parses the source into the children of the document. */
    static List<Part> parse(String source) {
        BlockTags tags = new BlockTags(source);
        return tags.build(tags.match());
    }

    // ---- matching openers with closers (quote, spoiler, list)

    /** Returns, for each token, the index of its partner, or -1. */
    private int[] match() {
        int[] partner = new int[tokens.size()];
        Arrays.fill(partner, -1);
        Deque<Integer> open = new ArrayDeque<>();
        Map<TagScanner.Kind, Integer> openCount = new EnumMap<>(TagScanner.Kind.class);
        for (int t = 0; t < tokens.size(); t++) {
            TagScanner.Token token = tokens.get(t);
            if (token.kind() == TagScanner.Kind.ITEM || token.kind() == TagScanner.Kind.CODE) {
                continue;
            }
            if (!token.closing()) {
                open.push(t);
                openCount.merge(token.kind(), 1, Integer::sum);
            } else if (openCount.getOrDefault(token.kind(), 0) > 0) {
                int o;
                while (tokens.get(o = open.pop()).kind() != token.kind()) {
                    openCount.merge(tokens.get(o).kind(), -1, Integer::sum);
                }
                openCount.merge(token.kind(), -1, Integer::sum);
                partner[o] = t;
                partner[t] = o;
            }
        }
        return partner;
    }

    // ---- building the tree

    private static final class Frame {
        final TagScanner.Kind kind;
        final String attribute;
        final List<Part> children = new ArrayList<>();
        final StringBuilder text = new StringBuilder();

        Frame(TagScanner.Kind kind, String attribute) {
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
            TagScanner.Token token = tokens.get(t);
            Frame current = stack.peek();
            current.text.append(src, done, token.start());
            done = token.end();
            String written = src.substring(token.start(), token.end());
            switch (token.kind()) {
                case CODE -> addCode(current, token);
                case ITEM -> {
                    if (current.kind == TagScanner.Kind.LIST) {
                        current.flush();
                        current.children.add(new ItemBreak());
                    } else {
                        current.text.append(written);
                    }
                }
                default -> {
                    if (!token.closing() && partner[t] >= 0 && stack.size() <= MAX_DEPTH) {
                        current.flush();
                        stack.push(new Frame(token.kind(), token.attribute()));
                        asGroup[t] = true;
                    } else if (token.closing() && partner[t] >= 0 && asGroup[partner[t]]) {
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
    private static void addCode(Frame current, TagScanner.Token token) {
        String code = token.code();
        if (code.indexOf('\n') < 0) {
            String fence = "`".repeat(longestBacktickRun(code) + 1);
            current.text.append(fence).append(' ').append(code).append(' ').append(fence);
            return;
        }
        current.flush();
        String language = token.attribute() == null ? "" : token.attribute().strip();
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
