package dev.forumkit.markup;

import dev.forumkit.core.markup.Html;
import dev.forumkit.core.markup.MentionResolver;
import dev.forumkit.core.markup.MentionedMember;
import dev.forumkit.core.markup.PlainTextRenderer;
import dev.forumkit.core.member.MemberId;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every way a hostile string can reach a page: as a post written in Markdown or BBCode, inside nested quotes and
 * their attribution, as or after a mention (also with a resolver that hands back a hostile profile address), as
 * link text, as a link or image address, and as the plain text of titles, usernames and custom titles.
 */
enum RenderPaths {
    MARKDOWN(v -> List.of(post(v))),
    BBCODE(v -> List.of(post("[b]" + v + "[/b] [i]" + v + "[/i] [u]" + v + "[/u] [s]" + v + "[/s]\n[list]\n[*]" + v
            + "\n[*][spoiler=" + v + "]" + v + "[/spoiler]\n[/list]\n[list=1][*]" + v + "[/list]\n[code]" + v
            + "[/code] [code=" + v + "]\n" + v + "\n[/code]"))),
    NESTED_QUOTES(v -> List.of(post("[quote=" + v + " post=1]\n[quote=\"" + v + ", post: 2, member: 3\"]\n"
            + "[quote]" + v + "[/quote]\n> " + v + "\n[/quote]\n" + v + "\n[/quote]"))),
    MENTIONS(v -> List.of(
            post("@ann " + v + " @" + v + " @ann", Fixtures.EVERYONE),
            post("@" + v + " @ann", name -> Optional.of(new MentionedMember(MemberId.of(9), name, v))))),
    LINK_TEXT(v -> List.of(post("[" + v + "](https://example.org/) [url=https://example.org/]" + v + "[/url]"
            + " [url]" + v + "[/url]"))),
    LINK_TARGET(v -> List.of(post("[x](" + v + ") ![y](" + v + ") <" + v + "> [url=" + v + "]z[/url] [img]" + v
            + "[/img]"))),
    PLAIN_TEXT(v -> List.of(new PlainTextRenderer().render(v, MentionResolver.NONE).html(),
            "<h1>" + Html.escape(v) + "</h1><a href=\"/members/x.1/\" title=\"" + Html.escape(v)
                    + "\" rel=\"nofollow ugc noopener\">" + Html.escape(v) + "</a>"));

    private final Function<String, List<String>> render;

    RenderPaths(Function<String, List<String>> render) {
        this.render = render;
    }

    /** The HTML this path makes of one hostile string (one or more fragments). */
    List<String> render(String vector) {
        return render.apply(vector);
    }

    private static String post(String source) {
        return post(source, Fixtures.EVERYONE);
    }

    private static String post(String source, MentionResolver resolver) {
        return Fixtures.RENDERER.render(source, resolver).html();
    }
}
