package dev.forumkit.core.markup;

import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.PostId;

import java.util.Objects;
import java.util.Set;

/**
 * The result of rendering a post: sanitised HTML, the members it mentions and the posts it quotes (both for alerts),
 * and the version of the renderer that produced it.
 */
public record Rendered(String html, Set<MemberId> mentions, Set<PostId> quotes, String rendererVersion) {
    public Rendered {
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(rendererVersion, "rendererVersion");
        mentions = Set.copyOf(mentions);
        quotes = Set.copyOf(quotes);
    }

    /** A rendering that quotes no post (renderers without a quote syntax). */
    public Rendered(String html, Set<MemberId> mentions, String rendererVersion) {
        this(html, mentions, Set.of(), rendererVersion);
    }
}
