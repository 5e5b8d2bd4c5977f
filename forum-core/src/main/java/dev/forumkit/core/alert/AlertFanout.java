package dev.forumkit.core.alert;

import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.event.BatchPlan;
import dev.forumkit.core.event.EventDelivery;
import dev.forumkit.core.event.ForumEvent;
import dev.forumkit.core.internal.ServiceContext;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.member.Role;
import dev.forumkit.core.policy.Standing;
import dev.forumkit.core.report.ReportStatus;
import dev.forumkit.core.report.ReportSubject;
import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.core.thread.ForumThread;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.watch.BoardWatch;
import dev.forumkit.core.watch.ThreadWatch;
import dev.forumkit.core.webhook.WebhookId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns stored domain events into alerts. Nobody is alerted about their own action, about content they may not see,
 * by a member they ignore, or for a kind they turned off; one event gives each recipient at most one alert (the most
 * specific kind: a quote beats a mention beats a reply); and a member with news pending in a thread (an unread reply
 * alert about a post they have not read) gets no further reply alerts about it until they read it. An event handled
 * twice writes nothing the second time.
 *
 * <p>The outbox's alerts consumer {@link #plan plans} a whole batch with reads only and writes the alerts in chunks of
 * {@link #CHUNK}, each in a transaction of its own (see docs/alerts.md, "Fan-out"); {@link #handle} does one event in
 * one transaction.
 */
public final class AlertFanout {
    /** Alerts written per transaction by the outbox consumer: a 10,000-watcher fan-out holds H2's write gate in tenths. */
    public static final int CHUNK = 1_000;
    /** Admins alerted about a disabled webhook, at most (a forum has a handful). */
    private static final int MAX_ADMINS = 1_000;
    /** Most specific first: a recipient who qualifies for several kinds gets the first they have not turned off. */
    private static final AlertKind[] PRIORITY = {AlertKind.QUOTE, AlertKind.MENTION, AlertKind.REPLY,
            AlertKind.NEW_POST_IN_BOARD, AlertKind.NEW_THREAD, AlertKind.REACTION};

    private final ServiceContext ctx;
    private final ForumStorage s;

    AlertFanout(ServiceContext ctx) {
        this.ctx = ctx;
        this.s = ctx.storage;
    }

    /**
     * Handles the event stored at {@code position} of the outbox in one transaction (joining the caller's); events
     * that alert nobody are ignored.
     */
    public void handle(long position, ForumEvent event) {
        s.transactions().run(() -> {
            FanoutBatch batch = new FanoutBatch(s);
            plan(batch, position, event);
            write(batch.alerts, batch.watches.values());
        });
    }

    /**
     * Plans the alerts of a batch of events with reads only (call it in a read-only transaction) and answers the
     * writes: chunks of at most {@link #CHUNK} alerts, the watches going with the last; large when it read or writes
     * more rows than a chunk. Each step adds nothing when
     * it is run again, so a batch cut short by a crash can be planned and written again. All of the batch's events
     * committed before the reads, so what a member does meanwhile (reading the thread, marking alerts read) concerns
     * posts the plan already covers.
     */
    public BatchPlan plan(List<EventDelivery> deliveries) {
        FanoutBatch batch = new FanoutBatch(s);
        batch.prefetch(deliveries);
        for (EventDelivery d : deliveries) {
            plan(batch, d.position(), d.event());
        }
        List<Runnable> steps = new ArrayList<>();
        List<Alert> alerts = batch.alerts;
        List<ThreadWatch> watches = List.copyOf(batch.watches.values());
        for (int from = 0; from < alerts.size() || steps.isEmpty() && !watches.isEmpty(); from += CHUNK) {
            List<Alert> chunk = alerts.subList(from, Math.min(from + CHUNK, alerts.size()));
            boolean last = from + CHUNK >= alerts.size();
            steps.add(() -> write(chunk, last ? watches : List.of()));
        }
        // large: more rows read or written than a chunk (a thread with thousands of watchers): the outbox paces it
        return new BatchPlan(steps, batch.rowsRead() + alerts.size() > CHUNK);
    }

    private void write(List<Alert> alerts, Collection<ThreadWatch> watches) {
        if (!alerts.isEmpty()) {
            s.alerts().addAll(alerts);
        }
        if (!watches.isEmpty()) { // at most one per author and thread of the batch; a stored watch stays as it is
            s.watches().addThreads(watches);
        }
    }

    private void plan(FanoutBatch batch, long position, ForumEvent event) {
        if (event instanceof ForumEvent.PostCreated e) {
            postCreated(batch, position, e);
        } else if (event instanceof ForumEvent.PostEdited e) {
            postEdited(batch, position, e);
        } else if (event instanceof ForumEvent.ThreadStarted e) {
            threadStarted(batch, position, e);
        } else if (event instanceof ForumEvent.ReactionChanged e) {
            if (e.oldType() == null && e.newType() != null) { // a changed or withdrawn reaction is no news
                batch.post(e.post()).ifPresent(p -> new Fanout(batch, position, e.member(), p.threadId(), p.id(), null,
                        e.newType(), e.at()).add(e.receiver(), AlertKind.REACTION).deliver());
            }
        } else if (event instanceof ForumEvent.ThreadLockChanged e) {
            if (e.locked()) {
                aboutThread(batch, position, e.thread(), e.by(), AlertKind.THREAD_LOCKED, null, e.at());
            }
        } else if (event instanceof ForumEvent.ThreadMoved e) {
            aboutThread(batch, position, e.thread(), e.by(), AlertKind.THREAD_MOVED, e.to(), e.at());
        } else if (event instanceof ForumEvent.ThreadDeleted e) {
            aboutThread(batch, position, e.thread(), e.by(), AlertKind.THREAD_DELETED, null, e.at());
        } else if (event instanceof ForumEvent.PostDeleted e) {
            aboutPost(batch, position, e.post(), e.by(), AlertKind.POST_DELETED, e.at());
        } else if (event instanceof ForumEvent.PostRestored e) {
            aboutPost(batch, position, e.post(), e.by(), AlertKind.POST_RESTORED, e.at());
        } else if (event instanceof ForumEvent.ReportClosed e) {
            reportClosed(batch, position, e);
        } else if (event instanceof ForumEvent.WebhookDisabled e) {
            webhookDisabled(batch, position, e);
        } else if (event instanceof ForumEvent.MemberWarned e) {
            new Fanout(batch, position, e.by(), e.thread(), e.post(), null, e.points() == 1 ? "1 point" : e.points() + " points",
                    e.at()).add(e.member(), AlertKind.MEMBER_WARNED).deliver();
        }
    }

    private void postCreated(FanoutBatch batch, long position, ForumEvent.PostCreated e) {
        Optional<ForumThread> thread = batch.thread(e.thread());
        if (thread.isEmpty() || batch.post(e.post()).isEmpty()) {
            return;
        }
        Fanout f = new Fanout(batch, position, e.author(), e.thread(), e.post(), null, null, e.at());
        if (e.number() > 1) { // post #1 comes with ThreadStarted, which tells the board's watchers
            for (MemberId w : batch.threadWatchers(e.thread())) {
                f.add(w, AlertKind.REPLY);
            }
            for (BoardWatch w : batch.boardWatchers(thread.get().boardId())) {
                if (w.everyPost()) {
                    f.add(w.member(), AlertKind.NEW_POST_IN_BOARD);
                }
            }
        }
        e.mentions().forEach(m -> f.add(m, AlertKind.MENTION));
        quotedAuthors(batch, e.quotes()).forEach(m -> f.add(m, AlertKind.QUOTE));
        f.deliver();
        autoWatch(batch, e.author(), e.thread(), e.at());
    }

    /** An edit alerts only members it newly mentions or quotes: those told about the post before are left alone. */
    private void postEdited(FanoutBatch batch, long position, ForumEvent.PostEdited e) {
        Optional<Post> post = batch.post(e.post());
        if (post.isEmpty()) {
            return;
        }
        Set<MemberId> told = batch.recipientsAbout(e.post(), AlertKind.MENTION);
        told.addAll(batch.recipientsAbout(e.post(), AlertKind.QUOTE));
        // the author is the one who mentions, also when a moderator's edit added the name
        Fanout f = new Fanout(batch, position, post.get().authorId(), e.thread(), e.post(), null, null, e.at());
        e.mentions().stream().filter(m -> !told.contains(m)).forEach(m -> f.add(m, AlertKind.MENTION));
        quotedAuthors(batch, e.quotes()).stream().filter(m -> !told.contains(m)).forEach(m -> f.add(m, AlertKind.QUOTE));
        f.deliver();
    }

    private void threadStarted(FanoutBatch batch, long position, ForumEvent.ThreadStarted e) {
        Fanout f = new Fanout(batch, position, e.starter(), e.thread(), e.firstPost(), e.board(), null, e.at());
        for (BoardWatch w : batch.boardWatchers(e.board())) {
            f.add(w.member(), AlertKind.NEW_THREAD);
        }
        f.deliver();
    }

    private void aboutThread(FanoutBatch batch, long position, ThreadId id, MemberId by, AlertKind kind, BoardId board,
                             Instant at) {
        batch.thread(id).ifPresent(t -> new Fanout(batch, position, by, id, null, board, null, at).add(t.starterId(), kind)
                .deliver());
    }

    private void aboutPost(FanoutBatch batch, long position, PostId id, MemberId by, AlertKind kind, Instant at) {
        batch.post(id).ifPresent(p -> new Fanout(batch, position, by, p.threadId(), id, null, null, at).add(p.authorId(), kind)
                .deliver());
    }

    /**
     * Every reporter of a post or of a member's profile hears the outcome: a post's alert points at the post, a
     * profile's at the profile (no thread). A report of a conversation message alerts nobody: its reporter may have
     * left the conversation, and nothing else would be theirs to open.
     */
    private void reportClosed(FanoutBatch batch, long position, ForumEvent.ReportClosed e) {
        s.reports().byId(e.report()).ifPresent(r -> {
            AlertKind kind = e.status() == ReportStatus.RESOLVED ? AlertKind.REPORT_RESOLVED : AlertKind.REPORT_REJECTED;
            Fanout f;
            if (r.thread() != null) {
                f = new Fanout(batch, position, e.by(), r.thread(), r.subject().postId(), null, null, e.at());
            } else if (r.subject().kind() == ReportSubject.Kind.MEMBER) {
                f = new Fanout(batch, position, e.by(), MemberId.of(r.subject().id()), null, null, e.at());
            } else {
                return;
            }
            r.reporters().forEach(m -> f.add(m, kind));
            f.deliver();
        });
    }

    /** Every admin hears that the forum disabled a webhook: the alert links to its admin page. */
    private void webhookDisabled(FanoutBatch batch, long position, ForumEvent.WebhookDisabled e) {
        Fanout f = new Fanout(batch, position, null, null, e.webhook(), Integer.toString(e.failures()), e.at());
        s.members().withRole(Role.ADMIN, MAX_ADMINS).forEach(m -> f.add(m, AlertKind.WEBHOOK_DISABLED));
        f.deliver();
    }

    private static Set<MemberId> quotedAuthors(FanoutBatch batch, Set<PostId> quotes) {
        Set<MemberId> authors = new HashSet<>();
        for (PostId q : quotes) {
            batch.post(q).ifPresent(p -> authors.add(p.authorId()));
        }
        return authors;
    }

    /** Threads the member starts or replies to are watched for them, unless they turned that off. */
    private static void autoWatch(FanoutBatch batch, MemberId member, ThreadId thread, Instant at) {
        Preferences p = batch.preferences(List.of(member)).get(member);
        if (p.autoWatch()) {
            batch.watch(new ThreadWatch(member, thread, p.autoWatchEmail(), at));
        }
    }

    /** The alerts of one event: candidates with the kinds they qualify for, filtered and written together. */
    private final class Fanout {
        private final FanoutBatch batch;
        private final long position;
        private final MemberId actor;
        private final ThreadId thread;
        private final PostId post;
        private final BoardId board;
        private final MemberId profile;
        private final WebhookId webhook;
        private final String detail;
        private final Instant at;
        private final Map<MemberId, EnumSet<AlertKind>> candidates = new LinkedHashMap<>();

        Fanout(FanoutBatch batch, long position, MemberId actor, ThreadId thread, PostId post, BoardId board, String detail,
               Instant at) {
            this(batch, position, actor, thread, post, board, null, null, detail, at);
        }

        /** About something outside threads: a member's profile, or a webhook (then {@code actor} is null). */
        Fanout(FanoutBatch batch, long position, MemberId actor, MemberId profile, WebhookId webhook, String detail,
               Instant at) {
            this(batch, position, actor, null, null, null, profile, webhook, detail, at);
        }

        private Fanout(FanoutBatch batch, long position, MemberId actor, ThreadId thread, PostId post, BoardId board,
                       MemberId profile, WebhookId webhook, String detail, Instant at) {
            this.batch = batch;
            this.position = position;
            this.actor = actor;
            this.thread = thread;
            this.post = post;
            this.board = board;
            this.profile = profile;
            this.webhook = webhook;
            this.detail = detail;
            this.at = at;
        }

        Fanout add(MemberId member, AlertKind kind) {
            if (!member.equals(actor)) {
                candidates.computeIfAbsent(member, m -> EnumSet.noneOf(AlertKind.class)).add(kind);
            }
            return this;
        }

        void deliver() {
            // members with news of the thread pending hear of this post through that alert: no news kind for them
            if (candidates.values().stream().anyMatch(kinds -> kinds.stream().anyMatch(AlertKind::isNewsInThread))) {
                Set<MemberId> pending = batch.newsPending(thread);
                candidates.forEach((member, kinds) -> {
                    if (pending.contains(member)) {
                        kinds.removeIf(AlertKind::isNewsInThread);
                    }
                });
                candidates.values().removeIf(Set::isEmpty);
            }
            if (candidates.isEmpty()) {
                return;
            }
            if (thread == null) {
                outsideThreads();
                return;
            }
            Set<MemberId> ignoring = batch.ignorersOf(actor);
            candidates.entrySet().removeIf(c -> ignoring.contains(c.getKey()) && !isModeration(c.getValue()));
            if (!visibleToAll()) {
                Map<MemberId, Member> members = s.members().byIds(candidates.keySet());
                candidates.entrySet().removeIf(c -> !isModeration(c.getValue()) && !staff(members.get(c.getKey())));
            }
            BoardId on = board != null ? board : batch.thread(thread).map(ForumThread::boardId).orElse(null);
            if (on != null && !openToAll(on)) {
                // a private board: nobody hears of it who may not see it, not even of their own post's moderation
                Map<MemberId, Member> members = s.members().byIds(candidates.keySet());
                Instant now = ctx.now();
                candidates.entrySet().removeIf(c -> !ctx.policy.canSee(members.get(c.getKey()), now, on)
                        || members.get(c.getKey()) == null);
            }
            if (candidates.isEmpty()) {
                return;
            }
            Map<MemberId, Preferences> prefs = batch.preferences(candidates.keySet());
            candidates.forEach((member, kinds) -> chosen(kinds, prefs.get(member)).ifPresent(kind ->
                    batch.plan(Alert.unread(member, kind, actor, thread, post, board, detail, at, position))));
        }

        /**
         * An alert about a profile or a webhook: it goes only to those who may open what it links to (a profile that
         * still exists and is not a deleted account; a webhook, to admins only), whoever they ignore (report outcomes
         * are moderation, a disabled webhook is nobody's doing).
         */
        private void outsideThreads() {
            Map<MemberId, Member> members = s.members().byIds(candidates.keySet());
            if (profile != null) {
                boolean exists = s.members().byId(profile).filter(m -> !m.isDeleted()).isPresent();
                candidates.entrySet().removeIf(c -> !exists || members.get(c.getKey()) == null);
            } else {
                candidates.entrySet().removeIf(c -> members.get(c.getKey()) == null
                        || ctx.standing(members.get(c.getKey())) != Standing.ADMIN);
            }
            if (candidates.isEmpty()) {
                return;
            }
            Map<MemberId, Preferences> prefs = batch.preferences(candidates.keySet());
            candidates.forEach((member, kinds) -> chosen(kinds, prefs.get(member)).ifPresent(kind -> batch.plan(
                    profile != null ? Alert.aboutProfile(member, kind, actor, profile, detail, at, position)
                            : Alert.aboutWebhook(member, kind, webhook, detail, at, position))));
        }

        /** Content as it is now: a deleted post or thread is for staff only. */
        private boolean visibleToAll() {
            Optional<ForumThread> t = batch.thread(thread);
            if (t.isEmpty() || t.get().isDeleted()) {
                return false;
            }
            return post == null || batch.post(post).map(p -> !p.isDeleted()).orElse(false);
        }

        private boolean openToAll(BoardId b) {
            return ctx.grid == null || ctx.grid.openToAll(b);
        }

        private boolean staff(Member m) {
            return m != null && ctx.standing(m).isStaff();
        }
    }

    /** Moderation alerts are about the recipient's own content: they arrive even when it is hidden or comes from staff. */
    private static boolean isModeration(EnumSet<AlertKind> kinds) {
        return kinds.stream().anyMatch(AlertKind::isModeration);
    }

    private static Optional<AlertKind> chosen(EnumSet<AlertKind> kinds, Preferences p) {
        for (AlertKind k : kinds) {
            if ((k.isModeration() || k.isSystem()) && p.delivery(k).onSite()) {
                return Optional.of(k);
            }
        }
        for (AlertKind k : PRIORITY) {
            if (kinds.contains(k) && p.delivery(k).onSite()) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
