package dev.forumkit.web.internal;

import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.markup.MentionResolver;
import dev.forumkit.core.markup.PlainTextRenderer;
import dev.forumkit.core.member.AuthorCard;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.policy.Action;
import dev.forumkit.core.policy.Policy;
import dev.forumkit.core.policy.Standing;
import dev.forumkit.core.policy.Target;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.post.PostView;
import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.core.thread.ForumThread;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One post as the viewer sees it right after a command changed it. Core's read side only builds whole thread
 * pages (which also count a view and move the read position), so this reads the few rows itself and asks the
 * policy for the flags the same way core's thread page does.
 */
final class SinglePost {
    private static final PlainTextRenderer FALLBACK = new PlainTextRenderer();
    private SinglePost() {
    }

    static PostJson view(Api api, Viewer viewer, PostId id) {
        ForumStorage s = api.forum().storage();
        Policy policy = api.forum().policy();
        Instant now = api.forum().clock().instant();
        Standing who = viewer.standing();
        return s.transactions().readOnly(() -> {
            Post p = s.posts().byId(id).orElseThrow(() -> new NotFoundException("no post " + id));
            ForumThread t = s.threads().byId(p.threadId()).orElseThrow(() -> new NotFoundException("no post " + id));
            Member author = s.members().byId(p.authorId()).orElse(null);
            Map<String, Integer> counts = s.reactions().countsByPost(List.of(id)).getOrDefault(id, Map.of());
            String mine = viewer.isGuest() ? null : s.reactions().typesBy(viewer.member().id(), List.of(id)).get(id);
            boolean own = !viewer.isGuest() && p.authorId().equals(viewer.member().id());
            Target target = Target.content(own, t.locked(), p.isDeleted() || t.isDeleted());
            PostView v = new PostView(p, bodyHtml(p), author == null ? AuthorCard.unknown(p.authorId()) : AuthorCard.of(author, now),
                    p.authorId().equals(t.starterId()), counts, mine, false,
                    policy.allows(who, Action.EDIT_POST, target),
                    policy.allows(who, Action.DELETE_POST, target) && !p.isFirst() && !p.isDeleted(),
                    policy.allows(who, Action.RESTORE_POST, target) && p.isDeleted(),
                    policy.allows(who, Action.REACT, target));
            return PostJson.from(v, who.isStaff());
        });
    }

    /** The stored rendering, or the body as escaped text for a post stored without one (as core's thread page does). */
    private static String bodyHtml(Post p) {
        return p.html() != null ? p.html() : FALLBACK.render(p.body(), MentionResolver.NONE).html();
    }
}
