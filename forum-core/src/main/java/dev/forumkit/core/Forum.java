package dev.forumkit.core;

import dev.forumkit.core.alert.AlertService;
import dev.forumkit.core.audit.AuditService;
import dev.forumkit.core.report.ReportService;
import dev.forumkit.core.warning.WarningService;
import dev.forumkit.core.board.BoardService;
import dev.forumkit.core.counter.RecountService;
import dev.forumkit.core.event.EventBus;
import dev.forumkit.core.event.EventConsumer;
import dev.forumkit.core.event.ForumEvent;
import dev.forumkit.core.event.ForumEventListener;
import dev.forumkit.core.event.Outbox;
import dev.forumkit.core.limit.RateLimitService;
import dev.forumkit.core.signal.LocalSignals;
import dev.forumkit.core.signal.Signals;
import dev.forumkit.core.internal.ServiceContext;
import dev.forumkit.core.mail.Mailer;
import dev.forumkit.core.member.MemberService;
import dev.forumkit.core.profile.ProfileService;
import dev.forumkit.core.member.Pbkdf2PasswordHasher;
import dev.forumkit.core.group.GroupService;
import dev.forumkit.core.policy.PermissionGrid;
import dev.forumkit.core.policy.PermissionService;
import dev.forumkit.core.policy.Policy;
import dev.forumkit.core.reaction.ReactionService;
import dev.forumkit.core.reaction.ReactionTypes;
import dev.forumkit.core.notify.EmailNotifications;
import dev.forumkit.core.reset.PasswordResetService;
import dev.forumkit.core.search.SearchIndex;
import dev.forumkit.core.search.SearchIndexer;
import dev.forumkit.core.search.SearchService;
import dev.forumkit.core.read.ReadMarks;
import dev.forumkit.core.read.ReadService;
import dev.forumkit.core.session.SessionService;
import dev.forumkit.core.rerender.RerenderService;
import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.core.thread.PostService;
import dev.forumkit.core.thread.ThreadService;
import dev.forumkit.core.thread.ViewCounter;
import dev.forumkit.core.verify.EmailVerificationService;
import dev.forumkit.core.watch.WatchService;

import java.time.Clock;
import java.time.Duration;
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
    /** The outbox consumer that sends account e-mails (password resets). */
    public static final String MAIL_CONSUMER = "mail";
    /** The outbox consumer that sends notification e-mails; it follows the alerts consumer. */
    public static final String NOTIFY_CONSUMER = "notify";
    private final ServiceContext ctx;
    private final EventBus events;
    private final Outbox outbox;
    private final Signals signals;
    private final RateLimitService rateLimits;
    private final boolean ownsSignals;
    private final ViewCounter views;
    private final ReadMarks marks;
    private final ProfileService profiles;
    private final MemberService members;
    private final BoardService boards;
    private final ThreadService threads;
    private final PostService posts;
    private final ReactionService reactions;
    private final ReadService reading;
    private final dev.forumkit.core.feed.FeedService feeds;
    private final RecountService counters;
    private final SessionService sessions;
    private final RerenderService rerendering;
    private final AlertService alerts;
    private final WatchService watching;
    private final GroupService groups;
    private final PermissionService permissions;
    private final ScheduledExecutorService flusher;
    private final Mailer mailer;
    private final PasswordResetService passwordResets;
    private final EmailNotifications emailNotifications;
    private final EmailVerificationService emailVerifications;
    private final String publicUrl;
    private final SearchService search;
    private final ReportService reports;
    private final WarningService warnings;
    private final AuditService audit;
    private final dev.forumkit.core.approval.ApprovalService approvals;
    private final dev.forumkit.core.apikey.ApiKeyService apiKeys;
    private final dev.forumkit.core.webhook.WebhookService webhooks;
    private final ScheduledExecutorService webhookTimer;
    private final dev.forumkit.core.conversation.ConversationService conversations;
    private final dev.forumkit.core.attachment.AttachmentService attachments;
    private final dev.forumkit.core.profile.AvatarService avatars;

    private Forum(ForumStorage storage, ForumConfig config) {
        this.events = new EventBus();
        this.ownsSignals = config.signals == null;
        this.signals = ownsSignals ? new LocalSignals() : config.signals;
        this.mailer = config.mailer;
        config.listeners.forEach(events::subscribe);
        this.outbox = new Outbox(storage, config.clock, events, config.outboxPollInterval, config.eventRetention,
                signals);
        config.consumers.forEach(this::registerOrClose);
        // the grid is compiled from storage once and cached; commands that change it invalidate it after commit
        Policy policy = new Policy(config.verification, config.editTimeLimit, new PermissionGrid(storage, config.clock,
                config.permissionCheckInterval));
        this.ctx = new ServiceContext(storage, config.clock, policy, config.reactionTypes,
                config.passwordHasher == null ? new Pbkdf2PasswordHasher() : config.passwordHasher, outbox,
                config.postsPerPage, config.threadsPerPage, config.markupRenderer, config.memberUrl,
                config.approvalRules, config.spamChecks);
        this.views = new ViewCounter(storage);
        this.members = new MemberService(ctx);
        dev.forumkit.core.blob.BlobStore blobStore = config.blobStore == null
                ? new dev.forumkit.core.memory.InMemoryBlobStore(config.clock) : config.blobStore;
        // avatars and attachments share one pipeline, so the bound on concurrent decodes (the heap) holds for both
        dev.forumkit.core.image.ImagePipeline images = new dev.forumkit.core.image.ImagePipeline(config.imageLimits);
        this.avatars = new dev.forumkit.core.profile.AvatarService(ctx, blobStore, images, config.avatarLimits, signals);
        this.profiles = new ProfileService(ctx, config.signatureMaxLength, avatars);
        this.boards = new BoardService(ctx);
        this.threads = new ThreadService(ctx);
        this.posts = new PostService(ctx);
        this.reactions = new ReactionService(ctx);
        this.marks = new ReadMarks(storage, !config.viewFlushInterval.isZero());
        this.reading = new ReadService(ctx, views, marks);
        this.feeds = new dev.forumkit.core.feed.FeedService(ctx);
        this.counters = new RecountService(ctx);
        this.sessions = new SessionService(ctx);
        this.rateLimits = new RateLimitService(storage, config.clock);
        this.rerendering = new RerenderService(ctx);
        this.alerts = new AlertService(ctx);
        this.watching = new WatchService(ctx);
        this.reports = new ReportService(ctx);
        this.warnings = new WarningService(ctx, config.warningThresholds);
        this.audit = new AuditService(ctx);
        this.approvals = new dev.forumkit.core.approval.ApprovalService(ctx);
        this.apiKeys = new dev.forumkit.core.apikey.ApiKeyService(ctx);
        this.webhooks = new dev.forumkit.core.webhook.WebhookService(ctx, config.webhooks);
        this.conversations = new dev.forumkit.core.conversation.ConversationService(ctx, config.conversationLimits);
        this.groups = new GroupService(ctx);
        this.permissions = new PermissionService(ctx);
        // alerts follow every node's writes through the outbox: once per event, never on the writer's request
        // planned per batch and written in chunks, paced, so a reply to a thread with 10,000 watchers does not hold up
        // the next replies (docs/alerts.md, "Fan-out")
        registerOrClose(EventConsumer.inStorageInSteps(AlertService.CONSUMER, alerts.fanout()::plan));
        this.publicUrl = config.publicUrl;
        this.passwordResets = new PasswordResetService(ctx, mailer, config.publicUrl, config.locale);
        // e-mail is an outside effect: each e-mail is recorded as sent right after the mail server took it (a
        // notification by its notice, a reset e-mail by the consumer's position, recorded after each reset event), so a
        // crash re-sends at most the one e-mail caught in between, with the same key (docs/mail.md)
        this.emailNotifications = new EmailNotifications(ctx, mailer, config.publicUrl, alerts.fanout(), config.locale);
        this.emailVerifications = new EmailVerificationService(ctx, mailer, config.publicUrl, config.locale);
        // account e-mails (reset, verification) have their own consumer, which a lagging fan-out (paced under load)
        // never holds up; each is recorded at once after sending, as it has no record of its own
        // conversation e-mails go out from here too: they have no alert row for the notify consumer to follow
        dev.forumkit.core.conversation.ConversationMail conversationMail =
                new dev.forumkit.core.conversation.ConversationMail(storage, mailer, config.publicUrl, config.locale);
        registerOrClose(EventConsumer.withOutsideEffects(MAIL_CONSUMER, d -> {
            passwordResets.send(d);
            emailVerifications.send(d);
            conversationMail.send(d);
        }).recordingAfter(e -> e instanceof ForumEvent.PasswordResetRequested
                || e instanceof ForumEvent.EmailVerificationRequested || e instanceof ForumEvent.EmailChangeRequested
                || dev.forumkit.core.conversation.ConversationMail.sendsFor(e)));
        // notification e-mails go out from the alerts the alerts consumer wrote, so this consumer follows it
        // (its reads made once per batch: the batch's alerts, their recipients' preferences and e-mail watches)
        registerOrClose(EventConsumer.withOutsideEffectsPerBatch(NOTIFY_CONSUMER, emailNotifications::forBatch)
                .following(AlertService.CONSUMER));
        Duration linkRetention = config.unsubscribeLinkRetention;
        outbox.alsoPrune(() -> emailNotifications.pruneLinks(config.clock.instant().minus(linkRetention)));
        // the index is outside the storage: written after each event, committed before the position is recorded
        // writes reach the live index, and during an online rebuild the new one too; searches the live one
        dev.forumkit.core.search.LiveSearchIndex index = new dev.forumkit.core.search.LiveSearchIndex(
                config.searchIndex == null ? new dev.forumkit.core.memory.InMemorySearchIndex() : config.searchIndex);
        boolean indexing = config.searchIndexing;
        this.search = new SearchService(ctx, index, new dev.forumkit.core.search.SearchRebuilds(ctx, index,
                index.inStorage() || !indexing ? null : config.searchGenerations, indexing && index.inStorage()), indexing);
        SearchIndexer indexer = new SearchIndexer(storage, index);
        // an index in the storage is written in the batch's transaction, with the position (exactly once); one
        // outside it is written after each event and committed before the position is recorded (at least once)
        if (indexing) {
            registerOrClose((index.inStorage() ? EventConsumer.inStoragePerBatch(SearchIndexer.CONSUMER, indexer::forBatch)
                    : EventConsumer.withOutsideEffectsPerBatch(SearchIndexer.CONSUMER, indexer::forBatch, index::commit)
                            .recordingEvery(SearchIndexer.COMMIT_EVERY))
                    .gathering(SearchIndexer.GATHERING));
        }
        // webhook deliveries are written with the batch (exactly once per event and webhook) and sent by the timer
        registerOrClose(EventConsumer.inStoragePerBatch(dev.forumkit.core.webhook.WebhookService.CONSUMER, webhooks::forBatch));
        Duration webhookPoll = config.webhooks.pollInterval();
        if (webhookPoll.isZero() || config.outboxPollInterval.isZero()) { // no outbox thread: delivered by hand
            this.webhookTimer = null;
        } else {
            this.webhookTimer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "forumkit-webhooks");
                t.setDaemon(true);
                return t;
            });
            webhookTimer.scheduleWithFixedDelay(this::deliverWebhooksQuietly, webhookPoll.toMillis(), webhookPoll.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        this.attachments = new dev.forumkit.core.attachment.AttachmentService(ctx, blobStore, config.attachmentLimits, images);
        // abandoned drafts and blobs a crash left without a row go with the outbox's ten-minute housekeeping
        outbox.alsoPrune(attachments::cleanUp);
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

    private void registerOrClose(EventConsumer consumer) {
        try {
            outbox.register(consumer);
        } catch (RuntimeException e) {
            outbox.close(); // its thread already runs
            throw e;
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

    /** Profiles, display settings, last seen, who is online and deleting one's own account. */
    public ProfileService profiles() {
        return profiles;
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

    /** Feeds and sitemaps: bounded lists of what an actor may read, read without counting views. */
    public dev.forumkit.core.feed.FeedService feeds() {
        return feeds;
    }

    /** Recount: recompute every counter from the rows, report and repair differences. */
    public RecountService counters() {
        return counters;
    }

    /** Rerender: rebuilds stored post HTML made by another renderer version, in resumable batches. */
    public RerenderService rerendering() {
        return rerendering;
    }

    /**
     * Adds an in-process listener for domain events: the outbox thread calls it once the events' transaction (the
     * outermost one) committed, in commit order. Listeners see this node's and other nodes' events alike.
     */
    /** A member's alerts, alert preferences and ignored members; {@code alerts().fanout()} writes the alerts. */
    public AlertService alerts() {
        return alerts;
    }

    /** Full-text search of posts, filtered by what the viewer may see; {@code search().index()} is the index. */
    public SearchService search() {
        return search;
    }

    /** Attachments: uploads into drafts and posts, downloads for those who may see the post, cleanup, recount. */
    public dev.forumkit.core.attachment.AttachmentService attachments() {
        return attachments;
    }

    /** Avatars: upload (re-encoded on the server), remove, serve; which members have one (cached per node). */
    public dev.forumkit.core.profile.AvatarService avatars() {
        return avatars;
    }

    /** Watching threads and boards. */
    public WatchService watching() {
        return watching;
    }

    /** Reporting posts and profiles; the moderators' report queue. */
    public ReportService reports() {
        return reports;
    }

    /** Warning members for posts; warning points and the bans their thresholds bring. */
    public WarningService warnings() {
        return warnings;
    }

    /** The audit log of moderator and admin actions (admins read it). */
    public AuditService audit() {
        return audit;
    }

    /** The approval queue: held posts, approving and rejecting them, moderated boards. */
    public dev.forumkit.core.approval.ApprovalService approvals() {
        return approvals;
    }

    /** API keys: admins make, list and revoke them; adapters check a presented key. */
    public dev.forumkit.core.apikey.ApiKeyService apiKeys() {
        return apiKeys;
    }

    /** Webhooks: admins subscribe URLs to events; deliveries, their log, redelivery. */
    public dev.forumkit.core.webhook.WebhookService webhooks() {
        return webhooks;
    }

    private void deliverWebhooksQuietly() {
        try {
            webhooks.deliverDue();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "webhook delivery round failed; will retry", e);
        }
    }

    /** Private conversations between members: start, reply, invite, leave, read, block. */
    public dev.forumkit.core.conversation.ConversationService conversations() {
        return conversations;
    }

    /**
    /** User groups, their banners and members' places in them (admins). */
    public GroupService groups() {
        return groups;
    }

    /**
     * The permission grid (admins set cells), explanations of decisions, and the one question every list asks: may
     * this actor see board B ({@code canSee}, {@code visibleBoards}).
     */
    public PermissionService permissions() {
        return permissions;
    }

    public void subscribe(ForumEventListener listener) {
        events.subscribe(listener);
    }

    /** Rate limit counting in the storage: one budget per key across every node (the web adapter's limits use it). */
    public RateLimitService rateLimits() {
        return rateLimits;
    }

    /**
     * The cross-node bus (see {@link ForumConfig#signals}): the outbox announces commits on it; a node-local cache
     * listens to it to learn when it may have missed another node's write.
     */
    public Signals signals() {
        return signals;
    }

    /** The event outbox: durable consumers, their lag ({@code status()}), delivery on demand ({@code drain()}). */
    public Outbox outbox() {
        return outbox;
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

    /** Signed-in sessions for adapters: create, resolve (sliding expiry), end, end all of a member. */
    public SessionService sessions() {
        return sessions;
    }

    /** The mailer the forum sends its e-mail through (see {@link ForumConfig#mailer(Mailer)}). */
    public Mailer mailer() {
        return mailer;
    }

    /** Password reset: request a link by e-mail address, set a new password with its token. */
    public PasswordResetService passwordResets() {
        return passwordResets;
    }

    /** E-mail verification (resend, confirm a link) and change of address. */
    public EmailVerificationService emailVerifications() {
        return emailVerifications;
    }

    /** Notification e-mails (sent by the outbox) and their unsubscribe links. */
    public EmailNotifications emailNotifications() {
        return emailNotifications;
    }

    /** The forum's public address with its base path, without a trailing slash (see {@link ForumConfig#publicUrl}). */
    public String publicUrl() {
        return publicUrl;
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

    /**
     * Stops the view timer and writes the buffered views, stops the outbox thread and gives its consumer leases back.
     * Does not close the storage, which the caller owns.
     */
    @Override
    public void close() {
        if (flusher != null) {
            flusher.shutdownNow();
        }
        flushViewsQuietly();
        if (webhookTimer != null) {
            webhookTimer.shutdownNow();
        }
        webhooks.close();
        avatars.close();
        outbox.close();
        if (ownsSignals) {
            signals.close();
        }
    }
}
