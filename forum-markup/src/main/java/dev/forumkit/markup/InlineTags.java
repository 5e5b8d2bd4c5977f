package dev.forumkit.markup;

import org.commonmark.ext.gfm.strikethrough.Strikethrough;
import org.commonmark.node.Emphasis;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.PostProcessor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the inline BBCode tags {@code [b] [i] [u] [s] [url] [img]} in text into the same nodes Markdown makes.
 * A tag pairs only with a partner among its siblings (so tags never straddle Markdown structure); unmatched tags,
 * refused addresses and pairs nested deeper than {@link #MAX_DEPTH} stay text. Runs before autolinking, so
 * {@code [url=...]} sees its address whole. No recursion.
 */
final class InlineTags implements PostProcessor {
    static final int MAX_DEPTH = 16;

    private static final Pattern TAG = Pattern.compile("\\[(/?)(b|i|u|s|url|img)(?:=([^\\]\\n]{0,2000}))?]",
            Pattern.CASE_INSENSITIVE);

    @Override
    public Node process(Node document) {
        List<Node> parents = new ArrayList<>();
        Deque<Node> todo = new ArrayDeque<>();
        todo.push(document);
        while (!todo.isEmpty()) {
            Node node = todo.pop();
            boolean hasBracket = false;
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof Text text) {
                    hasBracket |= text.getLiteral().indexOf('[') >= 0;
                } else {
                    todo.push(child);
                }
            }
            if (hasBracket) {
                parents.add(node);
            }
        }
        for (Node parent : parents) {
            pairTags(parent);
        }
        return document;
    }

    private static void pairTags(Node parent) {
        mergeTexts(parent);
        List<Node> seq = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; ) {
            Node next = child.getNext();
            if (child instanceof Text text && text.getLiteral().indexOf('[') >= 0) {
                split(text, seq);
            } else {
                seq.add(child);
            }
            child = next;
        }
        int[] partner = match(seq);
        boolean inLink = isInLink(parent);
        for (int c = 0; c < seq.size(); c++) {
            if (seq.get(c) instanceof ForumNodes.InlineTag close && close.closing && partner[c] >= 0) {
                apply((ForumNodes.InlineTag) seq.get(partner[c]), close, inLink);
            }
        }
        for (Node node : seq) {
            if (node instanceof ForumNodes.InlineTag tag && tag.getParent() != null) {
                tag.insertBefore(new Text(tag.written));
                tag.unlink();
            }
        }
        mergeTexts(parent);
    }

    private static void split(Text text, List<Node> seq) {
        String literal = text.getLiteral();
        Matcher m = TAG.matcher(literal);
        int done = 0;
        boolean any = false;
        while (m.find()) {
            any = true;
            if (m.start() > done) {
                Text piece = new Text(literal.substring(done, m.start()));
                text.insertBefore(piece);
                seq.add(piece);
            }
            ForumNodes.InlineTag tag = new ForumNodes.InlineTag(m.group(2).toLowerCase(Locale.ROOT),
                    !m.group(1).isEmpty(), m.group(3), m.group());
            text.insertBefore(tag);
            seq.add(tag);
            done = m.end();
        }
        if (!any) {
            seq.add(text);
            return;
        }
        if (done < literal.length()) {
            Text rest = new Text(literal.substring(done));
            text.insertBefore(rest);
            seq.add(rest);
        }
        text.unlink();
    }

    /** Pairs closers with the nearest open tag of the same name, then drops pairs nested too deep. */
    private static int[] match(List<Node> seq) {
        int[] partner = new int[seq.size()];
        Arrays.fill(partner, -1);
        Deque<Integer> open = new ArrayDeque<>();
        Map<String, Integer> openCount = new HashMap<>();
        for (int i = 0; i < seq.size(); i++) {
            if (!(seq.get(i) instanceof ForumNodes.InlineTag tag)) {
                continue;
            }
            if (!tag.closing) {
                open.push(i);
                openCount.merge(tag.name, 1, Integer::sum);
            } else if (openCount.getOrDefault(tag.name, 0) > 0) {
                int o;
                while (!((ForumNodes.InlineTag) seq.get(o = open.pop())).name.equals(tag.name)) {
                    openCount.merge(((ForumNodes.InlineTag) seq.get(o)).name, -1, Integer::sum);
                }
                openCount.merge(tag.name, -1, Integer::sum);
                partner[o] = i;
                partner[i] = o;
            }
        }
        int depth = 0;
        for (int i = 0; i < seq.size(); i++) {
            if (partner[i] < 0) {
                continue;
            }
            if (partner[i] > i) {
                if (depth >= MAX_DEPTH) {
                    partner[partner[i]] = -1;
                    partner[i] = -1;
                } else {
                    depth++;
                }
            } else {
                depth--;
            }
        }
        return partner;
    }

    private static void apply(ForumNodes.InlineTag open, ForumNodes.InlineTag close, boolean inLink) {
        Node wrapper = switch (open.name) {
            case "b" -> new StrongEmphasis("**");
            case "i" -> new Emphasis("*");
            case "u" -> new ForumNodes.Underline();
            case "s" -> new Strikethrough("~~");
            case "url" -> inLink ? null : link(open, close);
            case "img" -> image(open, close);
            default -> null;
        };
        if (wrapper == null) {
            return;
        }
        if (wrapper instanceof Image) {
            open.getNext().unlink();
        } else {
            Node node = open.getNext();
            while (node != close) {
                Node next = node.getNext();
                wrapper.appendChild(node);
                node = next;
            }
        }
        open.insertBefore(wrapper);
        open.unlink();
        close.unlink();
    }

    private static Node link(ForumNodes.InlineTag open, ForumNodes.InlineTag close) {
        if (open.attribute != null) {
            String url = Urls.link(open.attribute);
            return url == null ? null : new Link(url, null);
        }
        String text = onlyText(open, close);
        String url = text == null ? null : Urls.link(text);
        return url == null ? null : new Link(url, null);
    }

    private static Node image(ForumNodes.InlineTag open, ForumNodes.InlineTag close) {
        String text = onlyText(open, close);
        String url = text == null ? null : Urls.image(text);
        return url == null ? null : new Image(url, null);
    }

    /** The literal between two tags when it is a single piece of text, else null. */
    private static String onlyText(Node open, Node close) {
        Node between = open.getNext();
        return between instanceof Text text && between.getNext() == close ? text.getLiteral() : null;
    }

    private static boolean isInLink(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof Link) {
                return true;
            }
        }
        return false;
    }

    /** CommonMark leaves brackets as separate text nodes; tags are only found in whole runs of text. */
    private static void mergeTexts(Node parent) {
        Node child = parent.getFirstChild();
        while (child != null) {
            Node next = child.getNext();
            if (child instanceof Text text && next instanceof Text) {
                StringBuilder merged = new StringBuilder(text.getLiteral());
                while (next instanceof Text more) {
                    merged.append(more.getLiteral());
                    Node after = more.getNext();
                    more.unlink();
                    next = after;
                }
                text.setLiteral(merged.toString());
            }
            child = next;
        }
    }
}
