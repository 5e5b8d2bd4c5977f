package dev.forumkit.web.internal;

import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.post.PostView;
import dev.forumkit.core.reaction.ReactionResult;
import dev.forumkit.core.read.PostLocation;
import dev.forumkit.web.Access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Posts: reply, locate, edit, delete, restore; reactions; the reaction types on offer. */
public final class PostRoutes {
    private PostRoutes() {
    }

    /** {@code attachment_ids}: the author's draft attachments that go into the post (optional). */
    record Body(String body, java.util.List<Long> attachmentIds) {
    }

    record Reason(String reason) {
    }

    record React(String type) {
    }

    record ReactionJson(long postId, Map<String, Integer> counts, String yourReaction, long authorId,
                        long authorReactionScore) {
        static ReactionJson from(ReactionResult r) {
            return new ReactionJson(r.postId().value(), r.counts(), r.yourReaction(), r.authorId().value(), r.authorReactionScore());
        }
    }

    record PostLocationJson(long postId, long threadId, String threadSlug, int number, int page, String anchor) {
        static PostLocationJson from(PostLocation l) {
            return new PostLocationJson(l.postId().value(), l.threadId().value(), l.threadSlug(), l.number(), l.page(), l.anchor());
        }
    }

    record ReactionTypeJson(String key, String label, int weight) {
    }

    public static void register(RouteTable t) {
        t.post("/threads/{threadId}/posts", Access.MEMBER, PostRoutes::reply);
        t.get("/posts/{postId}", Access.ANYONE, call -> Map.of("post_location",
                PostLocationJson.from(call.api().forum().reading().locate(call.actor(), id(call)))));
        t.patch("/posts/{postId}", Access.OWNER_OR_STAFF, PostRoutes::edit);
        t.delete("/posts/{postId}", Access.OWNER_OR_STAFF, PostRoutes::delete);
        t.post("/posts/{postId}/restore", Access.BOARD_MODERATOR,
                call -> post(call, hiddenOrShown(call, call.api().forum().posts().restore(call.actor(), id(call)))));
        t.put("/posts/{postId}/reaction", Access.MEMBER, PostRoutes::react);
        t.delete("/posts/{postId}/reaction", Access.MEMBER, call -> Map.of("reaction",
                ReactionJson.from(reacted(call, call.api().forum().reactions().unreact(call.actor(), id(call))))));
        t.get("/reaction-types", Access.ANYONE, PostRoutes::reactionTypes);
    }

    /** Drafts named by the request go into the post, in a second transaction: drafts left over are cleaned up a day later. */
    static void attach(Call call, PostId post, java.util.List<Long> ids) {
        if (ids != null && !ids.isEmpty()) {
            call.api().forum().attachments().attach(call.actor(), post, AttachmentRoutes.ids(ids));
        }
    }

    private static PostId id(Call call) {
        return PostId.of(call.id("postId"));
    }

    private static Object reply(Call call) {
        ThreadId thread = ThreadId.of(call.id("threadId"));
        Body in = call.body(Body.class);
        String member = call.viewer().member().id().toString();
        var submitted = call.api().forum().posts().submitReply(call.actor(), thread, in.body(), () -> call.api().postingPerMember.acquire(member));
        // the thread's pages and the author's card (message count); a held reply shows on neither yet
        PageCaching.changed(call.ctx(), Set.of(thread), Set.of(call.viewer().member().id()));
        if (submitted.isHeld()) {
            return ApprovalRoutes.held(call.api().forum().approvals().view(call.actor(), submitted.held().id()));
        }
        PostView p = submitted.posted();
        attach(call, p.post().id(), in.attachmentIds());
        return Reply.created(Map.of("post", PostJson.from(p, call.standing().isStaff())));
    }

    private static Object edit(Call call) {
        PostId id = id(call);
        Body in = call.body(Body.class);
        PostView changed = call.api().forum().posts().edit(call.actor(), id, in.body());
        // the edit is committed: its thread's pages go even if attaching files below fails (an edit changes no author card)
        PageCaching.changed(call.ctx(), Set.of(changed.post().threadId()), Set.of());
        Object edited = post(call, changed);
        attach(call, id, in.attachmentIds());
        return edited;
    }

    private static Object delete(Call call) {
        PostId id = id(call);
        Reason in = call.optionalBody(Reason.class, new Reason(null));
        return post(call, hiddenOrShown(call, call.api().forum().posts().delete(call.actor(), id, in.reason())));
    }

    /**
     * A reply deleted or restored changes its thread's pages and its author's card (message count, reaction score) on
     * every page showing it. Shared with the HTML forms.
     */
    public static PostView hiddenOrShown(Call call, PostView v) {
        PageCaching.changed(call.ctx(), Set.of(v.post().threadId()), Set.of(v.post().authorId()));
        return v;
    }

    private static Object react(Call call) {
        PostId id = id(call);
        React in = call.body(React.class);
        return Map.of("reaction", ReactionJson.from(reacted(call, call.api().forum().reactions().react(call.actor(), id, in.type()))));
    }

    /**
     * A reaction changes the post's counts and its author's reaction score: both are on the pages showing the author's
     * card (the post's own page among them). Shared with the HTML form.
     */
    public static ReactionResult reacted(Call call, ReactionResult r) {
        if (r.authorId() != null) {
            PageCaching.changed(call.ctx(), Set.of(), Set.of(r.authorId()));
        }
        return r;
    }

    private static Object reactionTypes(Call call) {
        List<ReactionTypeJson> types = call.api().forum().reactionTypes().all().stream()
                .map(r -> new ReactionTypeJson(r.key(), r.label(), r.weight())).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reaction_types", types);
        body.put("pagination", Pagination.single(types.size()));
        return body;
    }

    private static Object post(Call call, PostView changed) {
        return Map.of("post", PostJson.from(changed, call.standing().isStaff()));
    }
}
