package dev.forumkit.core.rerender;

import dev.forumkit.core.post.PostId;

/**
 * What one batch of a rerender did: how many posts it {@code found} with a rendering of another version, how many it
 * {@code rerendered}, and the id of the last post it looked at, where the next batch goes on (null only while nothing
 * was found from the start).
 */
public record RerenderBatch(int found, int rerendered, PostId lastPostId) {
    public RerenderBatch {
        if (found < 0 || rerendered < 0 || rerendered > found) {
            throw new IllegalArgumentException("rerendered " + rerendered + " of " + found);
        }
        if (found > 0 && lastPostId == null) {
            throw new IllegalArgumentException("a batch that found posts names the last one");
        }
    }

    /** Nothing was left to rerender after the batch's starting point. */
    public boolean finished() {
        return found == 0;
    }

    /** Posts edited while the batch ran: the edit stored a rendering of its own, which is kept. */
    public int skipped() {
        return found - rerendered;
    }
}
