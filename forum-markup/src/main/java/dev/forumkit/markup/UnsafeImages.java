package dev.forumkit.markup;

import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.parser.PostProcessor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Replaces images whose address is not http or https by their description. The sanitiser would drop the address
 * anyway, but would leave an empty image behind.
 */
final class UnsafeImages implements PostProcessor {
    @Override
    public Node process(Node document) {
        List<Image> refused = new ArrayList<>();
        Deque<Node> todo = new ArrayDeque<>();
        todo.push(document);
        while (!todo.isEmpty()) {
            Node node = todo.pop();
            if (node instanceof Image image && Urls.image(image.getDestination()) == null) {
                refused.add(image);
            }
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                todo.push(child);
            }
        }
        for (Image image : refused) {
            Node child = image.getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                image.insertBefore(child);
                child = next;
            }
            image.unlink();
        }
        return document;
    }
}
