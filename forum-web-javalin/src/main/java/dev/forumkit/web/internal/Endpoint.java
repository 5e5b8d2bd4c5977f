package dev.forumkit.web.internal;

/**
 * The work of one route. Returns the response body (200), a {@link Reply} for another status, null for 204, or a
 * {@code CompletionStage} of those for work that runs on another pool.
 */
@FunctionalInterface
public interface Endpoint {
    Object handle(Call call) throws Exception;
}
