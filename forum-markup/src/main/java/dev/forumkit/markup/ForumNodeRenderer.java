package dev.forumkit.markup;

import dev.forumkit.core.post.PostId;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Writes the forum nodes as HTML; the sanitiser's allow-list knows every element and class used here. */
final class ForumNodeRenderer implements NodeRenderer {
    private final HtmlNodeRendererContext context;
    private final HtmlWriter html;
    private final Function<PostId, String> postUrl;

    ForumNodeRenderer(HtmlNodeRendererContext context, Function<PostId, String> postUrl) {
        this.context = context;
        this.html = context.getWriter();
        this.postUrl = postUrl;
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(ForumNodes.Quote.class, ForumNodes.Spoiler.class, ForumNodes.Underline.class,
                ForumNodes.Mention.class, ForumNodes.InlineTag.class);
    }

    @Override
    public void render(Node node) {
        if (node instanceof ForumNodes.Quote quote) {
            renderQuote(quote);
        } else if (node instanceof ForumNodes.Spoiler spoiler) {
            html.line();
            html.tag("details", attributes("class", "spoiler"));
            html.tag("summary");
            html.text(spoiler.title == null ? "Spoiler" : "Spoiler: " + spoiler.title);
            html.tag("/summary");
            html.line();
            renderChildren(node);
            html.tag("/details");
            html.line();
        } else if (node instanceof ForumNodes.Underline) {
            html.tag("u");
            renderChildren(node);
            html.tag("/u");
        } else if (node instanceof ForumNodes.Mention mention) {
            html.tag("a", attributes("href", context.encodeUrl(mention.member.profileUrl()), "class", "mention"));
            html.text(mention.written);
            html.tag("/a");
        } else if (node instanceof ForumNodes.InlineTag tag) {
            html.text(tag.written);
        }
    }

    private void renderQuote(ForumNodes.Quote quote) {
        html.line();
        html.tag("blockquote", attributes("class", "quote"));
        html.line();
        QuoteSource source = quote.source;
        if (source.author() != null || source.post() != null) {
            html.tag("div", attributes("class", "quote-attribution"));
            String words = source.author() == null ? "Quoted post" : source.author() + " said:";
            if (source.post() != null) {
                html.tag("a", attributes("href", context.encodeUrl(postUrl.apply(source.post()))));
                html.text(words);
                html.tag("/a");
            } else {
                html.text(words);
            }
            html.tag("/div");
            html.line();
        }
        renderChildren(quote);
        html.tag("/blockquote");
        html.line();
    }

    /** In the order given: stored HTML must not change from one run to the next, as {@code Map.of} order does. */
    private static Map<String, String> attributes(String... namesAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    private void renderChildren(Node parent) {
        Node node = parent.getFirstChild();
        while (node != null) {
            Node next = node.getNext();
            context.render(node);
            node = next;
        }
    }
}
