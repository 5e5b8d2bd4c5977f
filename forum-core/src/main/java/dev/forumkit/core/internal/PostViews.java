package dev.forumkit.core.internal;

import dev.forumkit.core.markup.MentionResolver;
import dev.forumkit.core.markup.PlainTextRenderer;
import dev.forumkit.core.member.AuthorCard;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.policy.Action;
import dev.forumkit.core.policy.Policy;
import dev.forumkit.core.policy.PermissionGrid;
import dev.forumkit.core.policy.Permissions;
import dev.forumkit.core.policy.Target;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.post.PostView;
import dev.forumkit.core.thread.ForumThread;

import java.time.Instant;
import java.util.Map;

/**
 * Builds a {@link PostView}: the one place that turns a post, its thread and a viewer into the flags the viewer
 * sees, for thread pages and for the answer of a post command alike, so the two can never disagree.
 */
public final class PostViews {
    private static final PlainTextRenderer FALLBACK = new PlainTextRenderer();
    private final Policy policy;

    PostViews(Policy policy) {
        this.policy = policy;
    }

    /**
     * The post as {@code viewer} (null for a guest) sees it. {@code author} may be null when the author row is
     * missing; {@code counts} are the reaction counts by type and {@code viewerReaction} the viewer's own (or null).
     */
    public PostView of(Post p, ForumThread thread, Member author, Map<String, Integer> counts, String viewerReaction,
                       boolean unread, Member viewer, Permissions standing, Instant now) {
        boolean own = viewer != null && p.authorId().equals(viewer.id());
        Target target = Target.content(own, thread.locked(), p.isDeleted() || thread.isDeleted())
                .aged(java.time.Duration.between(p.createdAt(), now));
        return new PostView(p, bodyHtml(p), author == null ? AuthorCard.unknown(p.authorId()) : card(author, now),
                p.authorId().equals(thread.starterId()), counts, viewerReaction, unread,
                policy.allows(standing, Action.EDIT_POST, target),
                policy.allows(standing, Action.DELETE_POST, target) && !p.isFirst() && !p.isDeleted(),
                policy.allows(standing, Action.RESTORE_POST, target) && p.isDeleted(),
                policy.allows(standing, Action.REACT, target));
    }

    private AuthorCard card(Member author, Instant now) {
        PermissionGrid grid = policy.grid();
        return AuthorCard.of(author, now, grid == null ? null : grid.banner(author.id(), author.role()));
    }

    /** The stored rendering; a post stored without one (e.g. by an old import) is shown as escaped text. */
    private static String bodyHtml(Post p) {
        return p.html() != null ? p.html() : FALLBACK.render(p.body(), MentionResolver.NONE).html();
    }
}
