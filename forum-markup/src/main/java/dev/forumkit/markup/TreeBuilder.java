package dev.forumkit.markup;

import org.commonmark.node.BulletList;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Builds one CommonMark tree from the parts {@link BlockTags} found: Markdown segments are parsed and their blocks
 * moved in place, tag groups become quote, spoiler, list and code nodes. Recursion is bounded by
 * {@link BlockTags#MAX_DEPTH}.
 */
final class TreeBuilder {
    private static final System.Logger LOG = System.getLogger(TreeBuilder.class.getName());
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z0-9_+#.-]{1,32}");
    private static final Pattern ORDERED = Pattern.compile("[\"']?[1aAiI][\"']?");
    private static final int MAX_TITLE = 100;

    private final Parser parser;

    TreeBuilder(Parser parser) {
        this.parser = parser;
    }

    void append(Node parent, List<BlockTags.Part> parts) {
        for (BlockTags.Part part : parts) {
            if (part instanceof BlockTags.Markdown markdown) {
                appendMarkdown(parent, markdown.text());
            } else if (part instanceof BlockTags.CodeBlock code) {
                FencedCodeBlock block = new FencedCodeBlock();
                block.setInfo(LANGUAGE.matcher(code.language()).matches() ? code.language() : "");
                block.setLiteral(code.text());
                parent.appendChild(block);
            } else if (part instanceof BlockTags.Group group) {
                appendGroup(parent, group);
            }
        }
    }

    private void appendGroup(Node parent, BlockTags.Group group) {
        switch (group.kind()) {
            case QUOTE -> {
                ForumNodes.Quote quote = new ForumNodes.Quote(QuoteSource.parse(group.attribute()));
                append(quote, group.children());
                parent.appendChild(quote);
            }
            case SPOILER -> {
                ForumNodes.Spoiler spoiler = new ForumNodes.Spoiler(title(group.attribute()));
                append(spoiler, group.children());
                parent.appendChild(spoiler);
            }
            case LIST -> appendList(parent, group);
            default -> throw new IllegalStateException("not a group: " + group.kind());
        }
    }

    private void appendList(Node parent, BlockTags.Group group) {
        ListBlock list;
        if (group.attribute() != null && ORDERED.matcher(group.attribute().strip()).matches()) {
            OrderedList ordered = new OrderedList();
            ordered.setMarkerStartNumber(1);
            list = ordered;
        } else {
            list = new BulletList();
        }
        list.setTight(true);
        List<BlockTags.Part> item = new ArrayList<>();
        boolean afterBreak = false;
        for (BlockTags.Part part : group.children()) {
            if (part instanceof BlockTags.ItemBreak) {
                addItem(list, item, afterBreak);
                item = new ArrayList<>();
                afterBreak = true;
            } else {
                item.add(part);
            }
        }
        addItem(list, item, afterBreak);
        if (list.getFirstChild() != null) {
            parent.appendChild(list);
        }
    }

    /** Text before the first {@code [*]} is an item only if it says something. */
    private void addItem(ListBlock list, List<BlockTags.Part> parts, boolean afterBreak) {
        boolean blank = parts.stream().allMatch(p -> p instanceof BlockTags.Markdown m && m.text().isBlank());
        if (blank && !afterBreak) {
            return;
        }
        ListItem item = new ListItem();
        append(item, parts);
        list.appendChild(item);
    }

    private void appendMarkdown(Node parent, String text) {
        if (text.isBlank()) {
            return;
        }
        Node document;
        try {
            document = parser.parse(text);
        } catch (RuntimeException e) {
            // e.g. a table over the cell limit: keep what was written, as text
            LOG.log(System.Logger.Level.DEBUG, "markdown segment rendered as text: " + e);
            document = new Paragraph();
            document.appendChild(new Text(text.strip()));
            parent.appendChild(document);
            return;
        }
        Node child = document.getFirstChild();
        while (child != null) {
            Node next = child.getNext();
            parent.appendChild(child);
            child = next;
        }
    }

    private static String title(String attribute) {
        if (attribute == null) {
            return null;
        }
        String t = attribute.strip();
        if (t.length() >= 2 && (t.charAt(0) == '"' || t.charAt(0) == '\'') && t.charAt(t.length() - 1) == t.charAt(0)) {
            t = t.substring(1, t.length() - 1).strip();
        }
        if (t.length() > MAX_TITLE) {
            t = t.substring(0, Character.isHighSurrogate(t.charAt(MAX_TITLE - 1)) ? MAX_TITLE - 1 : MAX_TITLE);
        }
        return t.isEmpty() ? null : t;
    }
}
