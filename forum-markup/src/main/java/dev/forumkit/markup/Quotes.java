package dev.forumkit.markup;

import dev.forumkit.core.post.PostId;
import org.commonmark.node.Node;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The posts a post quotes, for quote alerts. Only outermost quotes count: a quote inside a quote is text the quoted
 * post quoted, not something this post's author chose to quote. At most {@link #MAX_QUOTED} different posts, so one
 * post cannot fan out to an unbounded number of alerts.
 */
final class Quotes {
    static final int MAX_QUOTED = 50;

    private Quotes() {
    }

    static Set<PostId> in(Node document) {
        Set<PostId> quoted = new LinkedHashSet<>();
        Deque<Node> todo = new ArrayDeque<>();
        todo.push(document);
        while (!todo.isEmpty() && quoted.size() < MAX_QUOTED) {
            Node node = todo.pop();
            if (node instanceof ForumNodes.Quote quote) {
                if (quote.source.post() != null) {
                    quoted.add(quote.source.post());
                }
                continue;
            }
            for (Node child = node.getLastChild(); child != null; child = child.getPrevious()) {
                todo.push(child);
            }
        }
        return quoted;
    }
}
