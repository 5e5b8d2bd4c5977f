package dev.forumkit.core.alert;

import dev.forumkit.core.markup.MarkupRenderer;
import dev.forumkit.core.markup.MentionResolver;
import dev.forumkit.core.markup.MentionedMember;
import dev.forumkit.core.markup.PlainTextRenderer;
import dev.forumkit.core.markup.Rendered;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.PostId;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plain text that also reports {@code @name} mentions and {@code [quote post=N]} quotes, like forum-markup does. */
final class TaggingRenderer implements MarkupRenderer {
    private static final Pattern MENTION = Pattern.compile("@([A-Za-z0-9_]{3,32})");
    private static final Pattern QUOTE = Pattern.compile("\\[quote[^\\]]*post=(\\d+)]");
    private final PlainTextRenderer plain = new PlainTextRenderer();

    @Override
    public Rendered render(String source, MentionResolver mentions) {
        Set<MemberId> mentioned = new LinkedHashSet<>();
        Matcher m = MENTION.matcher(source);
        while (m.find()) {
            mentions.resolve(m.group(1)).map(MentionedMember::id).ifPresent(mentioned::add);
        }
        Set<PostId> quoted = new LinkedHashSet<>();
        Matcher q = QUOTE.matcher(source);
        while (q.find()) {
            quoted.add(PostId.of(Long.parseLong(q.group(1))));
        }
        return new Rendered(plain.render(source, MentionResolver.NONE).html(), mentioned, quoted, version());
    }

    @Override
    public String version() {
        return "tagging/1";
    }
}
