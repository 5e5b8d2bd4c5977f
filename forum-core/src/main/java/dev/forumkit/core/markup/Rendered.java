package dev.forumkit.core.markup;

import dev.forumkit.core.member.MemberId;

import java.util.Objects;
import java.util.Set;

/**
 * The result of rendering a post: sanitised HTML, the members it mentions (for alerts) and the version of the
 * renderer that produced it.
 */
public record Rendered(String html, Set<MemberId> mentions, String rendererVersion) {
    public Rendered {
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(rendererVersion, "rendererVersion");
        mentions = Set.copyOf(mentions);
    }
}
