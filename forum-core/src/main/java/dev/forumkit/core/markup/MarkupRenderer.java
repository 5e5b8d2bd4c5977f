package dev.forumkit.core.markup;

/**
 * Turns the source of a post into HTML that is safe to put in a page as is. Implementations must accept any string
 * (hostile, malformed, very long) without throwing, and must be safe to call from several threads at once.
 */
public interface MarkupRenderer {
    /**
     * Renders one post body. {@code mentions} looks up the members an {@code @name} may refer to; renderers that do
     * not support mentions never call it.
     */
    Rendered render(String source, MentionResolver mentions);

    /**
     * Names the renderer and its rules, e.g. {@code forum-markup/1}. It changes whenever the same source would render
     * differently, so stored HTML with an older version can be found and rebuilt.
     */
    String version();
}
