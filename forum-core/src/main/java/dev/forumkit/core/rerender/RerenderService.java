package dev.forumkit.core.rerender;

import dev.forumkit.core.Actor;
import dev.forumkit.core.Validation;
import dev.forumkit.core.internal.ServiceContext;
import dev.forumkit.core.markup.MentionResolver;
import dev.forumkit.core.markup.MentionedMember;
import dev.forumkit.core.markup.Rendered;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.policy.Action;
import dev.forumkit.core.policy.Target;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.post.PostId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Rebuilds the stored HTML of every post whose rendering is of another renderer version than the forum's (or that
 * has none), in batches of posts in id order, one transaction per batch. Resumable twice over: each batch returns the
 * last post id it did, to go on from, and posts already rendered by the current version are never taken again, so a
 * run that was killed half-way and started anew from the beginning only does what is left. Rendering runs outside the
 * transaction, as for posting; a post edited meanwhile keeps the rendering its edit stored. Publishes no events: the
 * text did not change, so nobody is mentioned anew.
 */
public final class RerenderService {
    /** The largest batch: one transaction holds the row locks of a whole batch. */
    public static final int MAX_BATCH = 10_000;
    /** Names a bulk rendering keeps looked up at most. */
    private static final int BULK_MENTIONS_KEPT = 100_000;
    private final ServiceContext ctx;

    public RerenderService(ServiceContext ctx) {
        this.ctx = ctx;
    }

    /** The forum's renderer version; posts stored with another one are rerendered. */
    public String currentVersion() {
        return ctx.markup.version();
    }

    /** Admins only: how many posts a rerender has left to do. */
    public long countStale(Actor actor) {
        return ctx.storage.transactions().readOnly(() -> {
            requireAdmin(actor);
            return ctx.storage.posts().countRenderedOtherThan(currentVersion());
        });
    }

    /** For operators' tools: {@link #countStale(Actor)} as the system. */
    public long countStaleAsSystem() {
        return countStale(null);
    }

    /** Admins only: rerenders the next batch of up to {@code batchSize} posts with an id above {@code after} (null: from the first). */
    public RerenderBatch rerenderNext(Actor actor, PostId after, int batchSize) {
        Validation.start().require(batchSize >= 1 && batchSize <= MAX_BATCH, "batch_size", "out_of_range",
                "batch size must be 1-" + MAX_BATCH).orThrow();
        String version = currentVersion();
        List<Post> batch = ctx.storage.transactions().readOnly(() -> {
            requireAdmin(actor);
            return ctx.storage.posts().renderedOtherThan(version, after, batchSize);
        });
        if (batch.isEmpty()) {
            return new RerenderBatch(0, 0, after);
        }
        List<Rendered> renderings = new ArrayList<>(batch.size());
        for (Post p : batch) {
            renderings.add(ctx.render(p.body()));
        }
        int written = ctx.command(events -> {
            requireAdmin(actor); // again: the role may have changed while the batch rendered
            int n = 0;
            for (int i = 0; i < batch.size(); i++) {
                Post p = batch.get(i);
                Rendered r = renderings.get(i);
                if (ctx.storage.posts().setRendering(p.id(), p.body(), r.html(), r.rendererVersion())) {
                    n++;
                }
            }
            return n;
        });
        return new RerenderBatch(batch.size(), written, batch.get(batch.size() - 1).id());
    }

    /** For operators' tools: {@link #rerenderNext(Actor, PostId, int)} as the system. */
    public RerenderBatch rerenderNextAsSystem(PostId after, int batchSize) {
        return rerenderNext(null, after, batchSize);
    }

    /**
     * As the system, batch after batch from the post after {@code after} (null: the first) until none is left;
     * {@code afterEach} hears of every batch once it committed. Returns how many posts were rerendered.
     */
    public long rerenderAllAsSystem(PostId after, int batchSize, Consumer<RerenderBatch> afterEach) {
        long total = 0;
        PostId position = after;
        while (true) {
            RerenderBatch batch = rerenderNextAsSystem(position, batchSize);
            if (batch.finished()) {
                return total;
            }
            total += batch.rerendered();
            position = batch.lastPostId();
            afterEach.accept(batch);
        }
    }

    /**
     * For operators' tools: the post with its body rendered as a rerender would store it, nothing stored. An import
     * renders each post while it loads it, so that the HTML goes in with the row instead of an update per post
     * afterwards. Mentions are looked up among the stored members.
     */
    public Post renderedAsSystem(Post p) {
        Rendered r = ctx.render(p.body());
        return p.withRendering(r.html(), r.rendererVersion());
    }

    /** For operators' tools: a text (a conversation message, a signature) rendered as the forum renders it. */
    public Rendered renderedAsSystem(String source) {
        return ctx.render(source);
    }

    /**
     * For an operator's bulk run while no member is added, renamed or removed (an import, which runs alone): renders
     * as {@link #renderedAsSystem(String)} does, but each mentioned name is looked up in storage once for the run
     * instead of at every mention (those reads were a sixth of an import's CPU). For one thread at a time.
     */
    public Function<String, Rendered> bulkRenderingAsSystem() {
        Map<String, Optional<MentionedMember>> known = new HashMap<>();
        MentionResolver once = username -> {
            if (known.size() >= BULK_MENTIONS_KEPT) {
                known.clear(); // a bound on the memory of a run over many distinct @words; they are looked up again
            }
            return known.computeIfAbsent(username, ctx::mentioned);
        };
        return source -> ctx.markup.render(source, once);
    }

    /** A null actor is the system (operators' tools); an actor must be an admin. */
    private void requireAdmin(Actor actor) {
        if (actor != null) {
            Member me = ctx.requireMember(actor);
            ctx.policy.check(ctx.standing(me), Action.RERENDER_POSTS, Target.NONE);
        }
    }
}
