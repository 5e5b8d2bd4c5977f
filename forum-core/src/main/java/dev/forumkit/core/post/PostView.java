package dev.forumkit.core.post;

import dev.forumkit.core.member.AuthorCard;
import dev.forumkit.core.post.Post;

import java.util.Map;

/**
 * A post as one viewer sees it on a thread page: the post, its body as sanitised HTML (the stored rendering), its
 * author's card, reaction counts by type, the viewer's own reaction (null if none) and what the viewer may do.
 */
public record PostView(Post post, String bodyHtml, AuthorCard author, boolean byThreadStarter, Map<String, Integer> reactionCounts,
                       String viewerReaction, boolean unread, boolean canEdit, boolean canDelete, boolean canRestore,
                       boolean canReact) {
    public PostView {
        reactionCounts = Map.copyOf(reactionCounts);
    }
}
