package dev.forumkit.markup;

import dev.forumkit.core.markup.MentionedMember;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;

/** The nodes forum markup adds to the CommonMark tree. */
final class ForumNodes {
    private ForumNodes() {
    }

    /** {@code [quote=ann post=123]...[/quote]}: a quotation of another post. */
    static final class Quote extends CustomBlock {
        final QuoteSource source;

        Quote(QuoteSource source) {
            this.source = source;
        }
    }

    /** {@code [spoiler=title]...[/spoiler]}: content hidden until the reader opens it. */
    static final class Spoiler extends CustomBlock {
        final String title;

        Spoiler(String title) {
            this.title = title;
        }
    }

    /** {@code [u]...[/u]}. */
    static final class Underline extends CustomNode {
    }

    /** An {@code @name} that names an existing member, as written. */
    static final class Mention extends CustomNode {
        final MentionedMember member;
        final String written;

        Mention(MentionedMember member, String written) {
            this.member = member;
            this.written = written;
        }
    }

    /** A BBCode inline tag while the inline pass pairs them up; never left in a finished tree. */
    static final class InlineTag extends CustomNode {
        final String name;
        final boolean closing;
        final String attribute;
        final String written;

        InlineTag(String name, boolean closing, String attribute, String written) {
            this.name = name;
            this.closing = closing;
            this.attribute = attribute;
            this.written = written;
        }
    }
}
