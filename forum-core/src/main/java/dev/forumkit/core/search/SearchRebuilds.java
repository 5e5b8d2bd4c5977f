package dev.forumkit.core.search;

import dev.forumkit.core.Actor;
import dev.forumkit.core.ConflictException;
import dev.forumkit.core.audit.AuditAction;
import dev.forumkit.core.audit.AuditTarget;
import dev.forumkit.core.internal.ServiceContext;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.policy.Action;
import dev.forumkit.core.policy.Target;
import dev.forumkit.core.post.PostId;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Online rebuilds of the search index, by an admin, while the forum serves: a new index is built beside the live one
 * from {@link SearchGenerations} and takes over when it has caught up ({@link LiveSearchIndex#rebuild}); an index in
 * the storage (PostgreSQL's, shared by every node) is rebuilt in place instead, batch by batch
 * ({@link SearchRebuild#inPlace}). One at a time; the start is recorded in the audit log. With neither (search
 * turned off) it is refused.
 */
public final class SearchRebuilds {
    private final ServiceContext ctx;
    private final LiveSearchIndex index;
    private final SearchGenerations generations;
    private final boolean inPlace;
    private final AtomicReference<SearchRebuildStatus> status = new AtomicReference<>(SearchRebuildStatus.none());

    /**
     * {@code generations}: where new indexes come from (null: none); {@code inPlace}: the index lives in the storage
     * and is rebuilt where it is (generations are then not used).
     */
    public SearchRebuilds(ServiceContext ctx, LiveSearchIndex index, SearchGenerations generations, boolean inPlace) {
        this.ctx = ctx;
        this.index = index;
        this.generations = generations;
        this.inPlace = inPlace;
    }

    /** Whether this forum can rebuild its index while it serves. */
    public boolean available() {
        return inPlace || generations != null;
    }

    /** True when a rebuild rewrites the index where it is, rather than building a new one beside it. */
    public boolean inPlace() {
        return inPlace;
    }

    /** The last rebuild's status (admins). */
    public SearchRebuildStatus status(Actor actor) {
        requireAdmin(actor);
        return status.get();
    }

    /** Starts a rebuild on a thread of its own and returns at once; a running one is a conflict. */
    public SearchRebuildStatus start(Actor actor) {
        SearchRebuildStatus started = begin(actor);
        Thread t = new Thread(() -> run(), "forumkit-search-rebuild");
        t.setDaemon(true);
        t.start();
        return started;
    }

    /** Rebuilds now, on the calling thread, and returns how it ended (tests, operators' tools). */
    public SearchRebuildStatus rebuild(Actor actor) {
        begin(actor);
        run();
        return status.get();
    }

    private SearchRebuildStatus begin(Actor actor) {
        Member me = requireAdmin(actor);
        if (!available()) {
            throw new ConflictException("search is turned off: there is no index to rebuild");
        }
        SearchRebuildStatus started = SearchRebuildStatus.started(ctx.now());
        SearchRebuildStatus before = status.get();
        if (before.running() || !status.compareAndSet(before, started)) {
            throw new ConflictException("the search index is being rebuilt already");
        }
        try {
            ctx.command(events -> ctx.audit.record(me.id(), AuditAction.SEARCH_REBUILD, AuditTarget.FORUM, null,
                    "rebuild of " + index.count() + " entries started", null));
        } catch (RuntimeException e) {
            status.set(before); // not started: no rebuild without its audit entry
            throw e;
        }
        return started;
    }

    private void run() {
        SearchIndex fresh = null;
        SearchRebuild.Progress progress = new SearchRebuild.Progress() {
            @Override
            public void total(long posts) {
                status.updateAndGet(s -> s.withTotal(posts));
            }

            @Override
            public void committed(long written, PostId last) {
                status.updateAndGet(s -> s.withWritten(written));
            }

            @Override
            public void written(long written) {
                status.updateAndGet(s -> s.withWritten(written));
            }
        };
        try {
            if (inPlace) {
                new SearchRebuild(ctx.storage, index).inPlace(SearchRebuild.IN_PLACE_BATCH, progress);
            } else {
                fresh = generations.next();
                SearchIndex retired = index.rebuild(ctx.storage, fresh, progress);
                generations.promoted(fresh, retired);
            }
            status.updateAndGet(s -> s.done(ctx.now()));
        } catch (RuntimeException | Error e) {
            status.updateAndGet(s -> s.failed(ctx.now(), String.valueOf(e.getMessage())));
            if (fresh != null) {
                generations.discarded(fresh);
            }
            if (e instanceof Error err) {
                throw err;
            }
        }
    }

    private Member requireAdmin(Actor actor) {
        Member me = ctx.requireMember(actor);
        ctx.policy.check(ctx.standing(me), Action.REBUILD_SEARCH, Target.NONE);
        return me;
    }
}
