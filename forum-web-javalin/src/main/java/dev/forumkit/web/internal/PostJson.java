package dev.forumkit.web.internal;

import dev.forumkit.core.post.Post;
import dev.forumkit.core.post.PostView;

import java.time.Instant;
import java.util.Map;

/**
 * A post as one viewer sees it: number, author card, reactions and what the viewer may do. {@code body} is the
 * author's source (for editing); {@code body_html} the sanitised rendering made when the post was written.
 */
public record PostJson(long id, long threadId, int number, MemberJson author, boolean isThreadStarter, String body,
                       String bodyHtml, Instant createdAt, Instant editedAt, Integer editCount, boolean isDeleted,
                       ThreadJson.DeletionJson deletion, Map<String, Integer> reactions, String yourReaction,
                       boolean isUnread, boolean canEdit, boolean canDelete, boolean canRestore, boolean canReact) {

    public static PostJson from(PostView v, boolean staff) {
        Post p = v.post();
        return new PostJson(p.id().value(), p.threadId().value(), p.number(), MemberJson.from(v.author()),
                v.byThreadStarter(), p.body(), v.bodyHtml(), p.createdAt(), p.lastEdit() == null ? null : p.lastEdit().at(),
                p.lastEdit() == null ? null : p.lastEdit().count(), p.isDeleted(),
                staff ? ThreadJson.DeletionJson.from(p.deletion()) : null, v.reactionCounts(), v.viewerReaction(),
                v.unread(), v.canEdit(), v.canDelete(), v.canRestore(), v.canReact());
    }
}
