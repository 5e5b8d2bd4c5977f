package dev.forumkit.markup;

import dev.forumkit.core.markup.MentionResolver;
import dev.forumkit.core.markup.MentionedMember;
import dev.forumkit.core.member.MemberId;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Links {@code @name} to the profile of the member it names, outside code and links. Usernames are 3-32 letters,
 * digits, {@code _ . -}; a trailing dot or dash is punctuation when the longer name is unknown. A post asks the
 * resolver about at most {@link #MAX_LOOKUPS} different names and links at most {@link #MAX_LINKS} mentions.
 */
final class Mentions {
    static final int MAX_LOOKUPS = 50;
    static final int MAX_LINKS = 100;

    private static final Pattern MENTION =
            Pattern.compile("(?<![\\p{L}\\p{N}_.@/+\\-])@([\\p{L}\\p{N}_][\\p{L}\\p{N}_.\\-]{1,40})");

    private final MentionResolver resolver;
    private final Map<String, Optional<MentionedMember>> known = new HashMap<>();
    private final Set<MemberId> mentioned = new LinkedHashSet<>();
    private int links;

    private Mentions(MentionResolver resolver) {
        this.resolver = resolver;
    }

    /** Replaces mentions in the tree with links and returns the ids of the members mentioned. */
    static Set<MemberId> link(Node document, MentionResolver resolver) {
        Mentions mentions = new Mentions(resolver);
        for (Text text : texts(document)) {
            if (text.getLiteral().indexOf('@') >= 0) {
                mentions.linkIn(text);
            }
        }
        return mentions.mentioned;
    }

    private static List<Text> texts(Node document) {
        List<Text> texts = new ArrayList<>();
        Deque<Node> todo = new ArrayDeque<>();
        todo.push(document);
        while (!todo.isEmpty()) {
            Node node = todo.pop();
            if (node instanceof Text text) {
                texts.add(text);
            } else if (!(node instanceof Link || node instanceof Image || node instanceof Code
                    || node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock
                    || node instanceof HtmlBlock || node instanceof HtmlInline || node instanceof ForumNodes.Mention)) {
                for (Node child = node.getLastChild(); child != null; child = child.getPrevious()) {
                    todo.push(child);
                }
            }
        }
        return texts;
    }

    private void linkIn(Text text) {
        String literal = text.getLiteral();
        Matcher m = MENTION.matcher(literal);
        int done = 0;
        while (links < MAX_LINKS && m.find()) {
            String name = m.group(1);
            Optional<MentionedMember> member = lookup(name);
            if (member.isEmpty()) {
                String trimmed = name.replaceFirst("[.\\-]+$", "");
                if (trimmed.length() < name.length()) {
                    name = trimmed;
                    member = lookup(name);
                }
            }
            if (member.isEmpty()) {
                continue;
            }
            if (m.start() > done) {
                text.insertBefore(new Text(literal.substring(done, m.start())));
            }
            text.insertBefore(new ForumNodes.Mention(member.get(), "@" + name));
            mentioned.add(member.get().id());
            links++;
            done = m.start() + 1 + name.length();
        }
        if (done > 0) {
            if (done < literal.length()) {
                text.insertBefore(new Text(literal.substring(done)));
            }
            text.unlink();
        }
    }

    private Optional<MentionedMember> lookup(String name) {
        if (name.length() < 3 || name.length() > 32) {
            return Optional.empty();
        }
        String key = name.toLowerCase(Locale.ROOT);
        Optional<MentionedMember> found = known.get(key);
        if (found == null) {
            if (known.size() >= MAX_LOOKUPS) {
                return Optional.empty();
            }
            found = resolver.resolve(name);
            found = found == null ? Optional.empty() : found;
            known.put(key, found);
        }
        return found;
    }
}
