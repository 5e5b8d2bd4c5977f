package dev.forumkit.core;

import dev.forumkit.core.alert.AlertService;
import dev.forumkit.core.board.BoardService;
import dev.forumkit.core.counter.RecountService;
import dev.forumkit.core.event.EventBus;
import dev.forumkit.core.event.ForumEventListener;
import dev.forumkit.core.internal.ServiceContext;
import dev.forumkit.core.member.MemberService;
import dev.forumkit.core.member.Pbkdf2PasswordHasher;
import dev.forumkit.core.policy.Policy;
import dev.forumkit.core.post.PostService;
import dev.forumkit.core.reaction.ReactionService;
import dev.forumkit.core.reaction.ReactionTypes;
import dev.forumkit.core.read.ReadService;
import dev.forumkit.core.read.ReadMarks;
import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.core.thread.ThreadService;
import dev.forumkit.core.thread.ViewCounter;
import dev.forumkit.core.watch.WatchService;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The forum: the one entry point to every use case. Create it over a storage adapter, use its services,
 * close it to write buffered view counts.
 *
 * <pre>{@code
 * Forum forum = Forum.create(new InMemoryForumStorage(), config -> config.clock(clock));
 * }</pre>
 */
public final class Forum implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Forum.class.getName());
    private final ForumStorage storage;
    private final ServiceContext ctx;
    private final EventBus events;
    private final ViewCounter views;
    private final ReadMarks marks;
    private final MemberService members;
    private final BoardService boards;
    private final ThreadService threads;
    private final PostService posts;
    private final ReactionService reactions;
    private final ReadService reading;
    private final RecountService counters;
    private final AlertService alerts;
    private final WatchService watching;
    private final ScheduledExecutorService flusher;

    private Forum(ForumStorage storage, ForumConfig config) {
        this.storage = storage;
        this.events = new EventBus();
        config.listeners.forEach(events::subscribe);
        this.ctx = new ServiceContext(storage, config.clock, new Policy(), config.reactionTypes,
                config.passwordHasher == null ? new Pbkdf2PasswordHasher() : config.passwordHasher, events,
                config.postsPerPage, config.threadsPerPage, config.markupRenderer, config.memberUrl);
        this.views = new ViewCounter(storage);
        this.members = new MemberService(ctx);
        this.boards = new BoardService(ctx);
        this.threads = new ThreadService(ctx);
        this.posts = new PostService(ctx);
        this.reactions = new ReactionService(ctx);
        this.marks = new ReadMarks(storage, !config.viewFlushInterval.isZero());
        this.reading = new ReadService(ctx, views, marks);
        this.counters = new RecountService(ctx);
        this.alerts = new AlertService(ctx);
        this.watching = new WatchService(ctx);
        if (config.viewFlushInterval.isZero()) {
            this.flusher = null;
        } else {
            this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "forumkit-view-flusher");
                t.setDaemon(true);
                return t;
            });
            long ms = config.viewFlushInterval.toMillis();
            flusher.scheduleWithFixedDelay(this::flushViewsQuietly, ms, ms, TimeUnit.MILLISECONDS);
        }
    }

    /** A forum with default settings. */
    public static Forum create(ForumStorage storage) {
        return create(storage, c -> { });
    }

    /** A forum over the given storage, configured by the lambda. */
    public static Forum create(ForumStorage storage, Consumer<ForumConfig> configure) {
        Objects.requireNonNull(storage, "storage");
        ForumConfig config = new ForumConfig();
        configure.accept(config);
        return new Forum(storage, config);
    }

    /** Registering, signing in, profiles, roles and bans. */
    public MemberService members() {
        return members;
    }

    /** Categories and boards (admins). */
    public BoardService boards() {
        return boards;
    }

    /** Starting threads; lock, pin, move, delete and restore (moderators). */
    public ThreadService threads() {
        return threads;
    }

    /** Replying, editing, deleting and restoring posts. */
    public PostService posts() {
        return posts;
    }

    /** Reacting to posts. */
    public ReactionService reactions() {
        return reactions;
    }

    /** Board index, board and thread pages, What's new, profiles, post lookup. */
    public ReadService reading() {
        return reading;
    }

    /** Recount: recompute every counter from the rows, report and repair differences. */
    public RecountService counters() {
        return counters;
    }

    /** A member's alerts, alert preferences and ignored members; {@code alerts().fanout()} writes the alerts. */
    public AlertService alerts() {
        return alerts;
    }

    /** Watching threads and boards. */
    public WatchService watching() {
        return watching;
    }

    /** Adds a listener for domain events; it is called after each command commits. */
    public void subscribe(ForumEventListener listener) {
        events.subscribe(listener);
    }

    public ReactionTypes reactionTypes() {
        return ctx.reactionTypes;
    }

    public Policy policy() {
        return ctx.policy;
    }

    public Clock clock() {
        return ctx.clock;
    }

    public ForumStorage storage() {
        return storage;
    }

    /** Writes buffered thread views and read marks now; returns how many views were written. */
    public long flushViews() {
        long n = views.flush();
        marks.flush();
        return n;
    }

    private void flushViewsQuietly() {
        try {
            views.flush();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "view flush failed; will retry", e);
        }
        try {
            marks.flush();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "read mark flush failed; will retry", e);
        }
    }

    /** Stops the view timer and writes the buffered views. Does not close the storage, which the caller owns. */
    @Override
    public void close() {
        if (flusher != null) {
            flusher.shutdownNow();
        }
        flushViewsQuietly();
    }
}
