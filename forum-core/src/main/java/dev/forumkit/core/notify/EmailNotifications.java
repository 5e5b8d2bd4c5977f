package dev.forumkit.core.notify;

import dev.forumkit.core.alert.Alert;
import dev.forumkit.core.alert.AlertFanout;
import dev.forumkit.core.alert.AlertKind;
import dev.forumkit.core.alert.AlertService;
import dev.forumkit.core.alert.Delivery;
import dev.forumkit.core.alert.Preferences;
import dev.forumkit.core.event.EventDelivery;
import dev.forumkit.core.event.EventHandler;
import dev.forumkit.core.event.ForumEvent;
import dev.forumkit.core.internal.MailOut;
import dev.forumkit.core.internal.ServiceContext;
import dev.forumkit.core.mail.Mailer;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.session.SessionTokens;
import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.core.thread.ForumThread;
import dev.forumkit.core.watch.BoardWatch;
import dev.forumkit.core.watch.ThreadWatch;

import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.MemberId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Notification e-mails, sent by the outbox's mail consumer from the alerts an event caused (so every alert rule
 * holds for e-mail too: never your own action, never a member you ignore, never a kind you turned off, never content
 * you may not see). An alert is e-mailed when its kind is set to {@code EMAIL}, or when it is a reply in a thread
 * (a new thread or post in a board) the member watches with e-mail. Content alerts send at most one e-mail per thread
 * until the member has read the post it was about; every e-mail has a one-click unsubscribe link.
 */
public final class EmailNotifications {
    private static final int LINKS_PER_COMMIT = 200;
    private final ServiceContext ctx;
    private final ForumStorage s;
    private final Mailer mailer;
    private final java.util.Locale locale;
    private final String publicUrl;
    private final AlertFanout fanout;

    public EmailNotifications(ServiceContext ctx, Mailer mailer, String publicUrl, AlertFanout fanout) {
        this(ctx, mailer, publicUrl, fanout, java.util.Locale.ENGLISH);
    }

    /** {@code locale}: the language of the e-mails to members who chose none. */
    public EmailNotifications(ServiceContext ctx, Mailer mailer, String publicUrl, AlertFanout fanout,
                              java.util.Locale locale) {
        this.locale = locale;
        this.ctx = ctx;
        this.fanout = fanout;
        this.s = ctx.storage;
        this.mailer = mailer;
        this.publicUrl = publicUrl;
    }

    /**
     * Sends the e-mails of the event's alerts; runs outside any transaction (outside effects). An e-mail is recorded
     * as sent (its {@link EmailNotice}) as soon as the mail server took it, so a redelivered event sends only what was
     * not recorded: at most the one e-mail a crash caught between the server's answer and that record (same key, so
     * the same Message-ID). See docs/mail.md.
     */
    public void send(EventDelivery d) {
        if (alerts(d.event())) {
            send(d, null);
        }
    }

    /**
     * The outbox consumer's handler for one batch: the alerts of all its events that the alerts consumer has handled,
     * their recipients' preferences and the e-mail watchers of their threads are read once, in one read-only
     * transaction, and the alerts consumer's position once (not once per event). An event the alerts consumer has not
     * reached (only when called without the runner's {@code following} bound) is sent as by {@link #send}.
     */
    public EventHandler forBatch(List<EventDelivery> batch) {
        List<EventDelivery> relevant = batch.stream().filter(d -> alerts(d.event())).toList();
        if (relevant.isEmpty()) {
            return d -> { };
        }
        long alertsAt = s.eventLog().consumer(AlertService.CONSUMER).map(c -> c.position()).orElse(0L);
        long first = relevant.get(0).position();
        long last = Math.min(alertsAt, relevant.get(relevant.size() - 1).position());
        Recipients prepared = last < first ? null : s.transactions().readOnly(() -> {
            Map<Long, List<Alert>> bySource = new HashMap<>();
            for (Alert a : s.alerts().bySources(first - 1, last)) {
                bySource.computeIfAbsent(a.sourcePosition(), p -> new ArrayList<>()).add(a);
            }
            Recipients r = new Recipients(bySource, last);
            r.read(bySource.values().stream().flatMap(List::stream).toList());
            return r;
        });
        return d -> {
            if (alerts(d.event())) {
                send(d, prepared != null && d.position() <= prepared.upTo ? prepared : null);
            }
        };
    }

    /** Sends the event's e-mails, from the batch's alerts read already, or (null) reading its own. */
    private void send(EventDelivery d, Recipients prepared) {
        if (prepared == null) {
            long alertsAt = s.eventLog().consumer(AlertService.CONSUMER).map(c -> c.position()).orElse(0L);
            if (alertsAt < d.position()) {
                // the alerts consumer has not reached this event yet (an event committed between its batch and ours):
                // write the alerts now instead of failing and waiting for a retry. The fan-out is idempotent, so when
                // the alerts consumer gets here it adds nothing.
                fanout.handle(d.position(), d.event());
            }
        }
        // a reply that quotes or mentions a watcher alerts them as QUOTE or MENTION, not REPLY: their watch still asks
        // for the e-mail (post #1 has its own event, ThreadStarted, for the board's watchers)
        boolean reply = d.event() instanceof ForumEvent.PostCreated c && c.number() > 1;
        // one read-only pass picks the alerts somebody wants by e-mail, with a few queries whatever the number of
        // recipients (a reply in a thread watched by 10,000 members); most events need no write at all
        Map<Alert, Unsubscribe.Scope> wanted = prepared != null
                ? prepared.wanted(prepared.bySource.getOrDefault(d.position(), List.of()), reply)
                : s.transactions().readOnly(() -> {
                    List<Alert> alerts = s.alerts().bySource(d.position());
                    Recipients r = new Recipients(Map.of(), d.position());
                    r.read(alerts);
                    return r.wanted(alerts, reply);
                });
        Instant now = ctx.now();
        List<Outgoing> due = new ArrayList<>();
        // the alerts of one event share their thread, post and actor: read those once, not once per recipient, and
        // read each chunk of recipients in one transaction rather than one transaction per e-mail
        Shared shared = new Shared();
        List<Map.Entry<Alert, Unsubscribe.Scope>> entries = List.copyOf(wanted.entrySet());
        for (int from = 0; from < entries.size(); from += LINKS_PER_COMMIT) {
            List<Map.Entry<Alert, Unsubscribe.Scope>> chunk = entries.subList(from, Math.min(entries.size(), from + LINKS_PER_COMMIT));
            s.transactions().readOnly(() -> {
                for (Map.Entry<Alert, Unsubscribe.Scope> e : chunk) {
                    NotificationEmail.Content content = content(e.getKey(), e.getValue(), d.position(), now, shared);
                    if (content != null) {
                        due.add(new Outgoing(e.getKey(), content, SessionTokens.newToken()));
                    }
                }
                return null;
            });
        }
        if (due.isEmpty()) {
            return;
        }
        // every unsubscribe link works before its e-mail can arrive: one commit for the links of a chunk of e-mails
        // (not one huge transaction for 10,000 watchers, which would hold H2's write gate that long)
        for (int from = 0; from < due.size(); from += LINKS_PER_COMMIT) {
            List<Outgoing> chunk = due.subList(from, Math.min(due.size(), from + LINKS_PER_COMMIT));
            s.transactions().run(() -> chunk.forEach(o -> s.emailNotices().addUnsubscribe(new Unsubscribe(
                    SessionTokens.hash(o.token()), o.alert().recipient(), o.content().scope(), o.alert().kind(),
                    o.alert().thread(), o.content().thread().boardId(), now))));
            chunk.forEach(o -> sendOne(o, d.position(), now));
        }
    }

    /** An e-mail about to go out: the alert, what it says, and the raw token of its unsubscribe link. */
    private record Outgoing(Alert alert, NotificationEmail.Content content, String token) {
    }

    /**
     * What deciding who wants an e-mail reads, for one event or a batch: the recipients' preferences and the e-mail
     * watchers of the alerts' threads (read together by {@link #read}), the board watchers when asked.
     */
    private final class Recipients {
        final Map<Long, List<Alert>> bySource;
        /** The last position whose alerts {@link #bySource} holds. */
        final long upTo;
        private final Map<MemberId, Preferences> prefs = new HashMap<>();
        private final Map<ThreadId, Set<MemberId>> threadEmail = new HashMap<>();
        private final Map<ThreadId, Set<MemberId>> boardEmail = new HashMap<>();
        private final Map<ThreadId, Set<MemberId>> everyPostEmail = new HashMap<>();

        Recipients(Map<Long, List<Alert>> bySource, long upTo) {
            this.bySource = bySource;
            this.upTo = upTo;
        }

        /** The preferences of the alerts' recipients and the e-mail watchers of their threads, in two reads. */
        void read(List<Alert> alerts) {
            if (alerts.isEmpty()) {
                return;
            }
            prefs.putAll(s.alertPreferences().byMembers(alerts.stream().map(Alert::recipient).distinct().toList()));
            Set<ThreadId> threads = alerts.stream().filter(a -> a.thread() != null && (a.kind() == AlertKind.REPLY
                    || a.kind() == AlertKind.QUOTE || a.kind() == AlertKind.MENTION)).map(Alert::thread)
                    .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
            if (!threads.isEmpty()) {
                threads.forEach(t -> threadEmail.put(t, new java.util.HashSet<>()));
                for (ThreadWatch w : s.watches().watchersOfThreads(threads)) {
                    if (w.email()) {
                        threadEmail.get(w.thread()).add(w.member());
                    }
                }
            }
        }

        /** The alerts their recipients want by e-mail, each with why (what its unsubscribe link turns off). */
        Map<Alert, Unsubscribe.Scope> wanted(List<Alert> alerts, boolean reply) {
            Map<Alert, Unsubscribe.Scope> wanted = new LinkedHashMap<>();
            for (Alert a : alerts) {
                Preferences p = prefs.getOrDefault(a.recipient(), Preferences.defaults(a.recipient()));
                boolean aboutReply = a.kind() == AlertKind.REPLY
                        || reply && (a.kind() == AlertKind.QUOTE || a.kind() == AlertKind.MENTION);
                if (p.delivery(a.kind()) == Delivery.EMAIL) {
                    wanted.put(a, Unsubscribe.Scope.KIND);
                } else if (aboutReply && threadEmail.computeIfAbsent(a.thread(), t -> threadEmailWatchers(t)).contains(a.recipient())) {
                    wanted.put(a, Unsubscribe.Scope.THREAD);
                } else if ((a.kind() == AlertKind.NEW_THREAD || a.kind() == AlertKind.NEW_POST_IN_BOARD)
                        && boardEmail.computeIfAbsent(a.thread(), t -> boardEmailWatchers(t, false)).contains(a.recipient())) {
                    wanted.put(a, Unsubscribe.Scope.BOARD);
                } else if (aboutReply && a.kind() != AlertKind.REPLY
                        && everyPostEmail.computeIfAbsent(a.thread(), t -> boardEmailWatchers(t, true)).contains(a.recipient())) {
                    wanted.put(a, Unsubscribe.Scope.BOARD); // would have been NEW_POST_IN_BOARD without the quote or mention
                }
            }
            return wanted;
        }
    }

    private Set<MemberId> threadEmailWatchers(ThreadId thread) {
        return s.watches().watchersOfThread(thread).stream().filter(ThreadWatch::email).map(ThreadWatch::member)
                .collect(Collectors.toSet());
    }

    /** Members watching the thread's board with e-mail (only those who chose every post, if asked). */
    private Set<MemberId> boardEmailWatchers(ThreadId thread, boolean everyPost) {
        return s.threads().byId(thread).map(t -> s.watches().watchersOfBoard(t.boardId()).stream().filter(BoardWatch::email)
                .filter(w -> !everyPost || w.everyPost()).map(BoardWatch::member).collect(Collectors.toSet())).orElse(Set.of());
    }

    /**
     * Sends one e-mail, then records it as sent: the notice that holds back the thread's next e-mail, and that tells a
     * redelivery of this event that this e-mail went out. An e-mail dropped for good is recorded too (trying it again
     * cannot help); a failure that may heal is thrown before the record, so the retry sends it.
     */
    private void sendOne(Outgoing o, long position, Instant now) {
        Alert a = o.alert();
        MailOut.send(mailer, () -> NotificationEmail.of(o.content(), publicUrl, o.token(), "notify:" + position + ":" + a.recipient(),
                dev.forumkit.core.internal.MailTexts.forMember(s, a.recipient(), locale)),
                "the notification e-mail of event " + position + " to member " + a.recipient());
        if (!a.kind().isModeration() && o.content().post() != null) {
            s.transactions().run(() -> s.emailNotices().put(new EmailNotice(a.recipient(), a.thread(),
                    o.content().post().number(), position, now)));
        }
    }

    /** Threads, posts and members read while preparing one event's e-mails (absent ones as empty). */
    private final class Shared {
        private final Map<ThreadId, Optional<ForumThread>> threads = new HashMap<>();
        private final Map<PostId, Optional<Post>> posts = new HashMap<>();
        private final Map<MemberId, Optional<Member>> actors = new HashMap<>();

        ForumThread thread(ThreadId id) {
            return threads.computeIfAbsent(id, t -> s.threads().byId(t)).orElse(null);
        }

        Post post(PostId id) {
            return id == null ? null : posts.computeIfAbsent(id, p -> s.posts().byId(p)).orElse(null);
        }

        Member actor(MemberId id) {
            return actors.computeIfAbsent(id, m -> s.members().byId(m)).orElse(null);
        }
    }

    /** The e-mail's content, or null when it must not go out (member gone or banned, content hidden, not due). */
    private NotificationEmail.Content content(Alert a, Unsubscribe.Scope scope, long position, Instant now, Shared shared) {
        if (a.thread() == null) {
            return null; // profile report outcomes and disabled webhooks are told on the site only
        }
        Member to = s.members().byId(a.recipient()).orElse(null);
        ForumThread thread = shared.thread(a.thread());
        if (to == null || thread == null || to.isBannedAt(now)) {
            return null;
        }
        Post post = shared.post(a.post());
        boolean hidden = thread.isDeleted() || a.post() != null && (post == null || post.isDeleted());
        if (hidden && !a.kind().isModeration()) {
            return null; // deleted since: not for members' eyes, and staff read it on the site
        }
        if (!a.kind().isModeration() && post != null && !due(a, post.number(), position)) {
            return null;
        }
        Member actor = shared.actor(a.actor());
        return new NotificationEmail.Content(to, a, actor == null ? null : actor.username(), thread,
                hidden ? null : post, scope);
    }

    /**
     * At most one e-mail per thread until the member read the post it was about (like XenForo); a redelivery of the
     * event whose e-mail is recorded as sent sends nothing.
     */
    private boolean due(Alert a, int postNumber, long position) {
        Optional<EmailNotice> last = s.emailNotices().last(a.recipient(), a.thread());
        if (last.isEmpty()) {
            return true;
        }
        if (last.get().sourcePosition() >= position) {
            return false; // this event's e-mail went out already (or a later one did: this one is old news)
        }
        return s.readStates().lastRead(a.recipient(), a.thread()) >= last.get().postNumber()
                && postNumber > last.get().postNumber();
    }

    /** Deletes the unsubscribe links created before {@code before} (their e-mails are that old); answers how many. */
    public int pruneLinks(Instant before) {
        return s.transactions().inTransaction(() -> s.emailNotices().pruneUnsubscribes(before));
    }

    /** What the link would turn off, if the token names a link; for the confirm page. */
    public Optional<Unsubscribe> describe(String token) {
        if (!SessionTokens.wellFormed(token)) {
            return Optional.empty();
        }
        String hash = SessionTokens.hash(token);
        return s.transactions().readOnly(() -> s.emailNotices().unsubscribe(hash));
    }

    /**
     * Turns off what the link names (idempotent: a second use changes nothing); false for an unknown token. No
     * sign-in needed: the token is the proof, as RFC 8058 one-click unsubscribing requires.
     */
    public boolean unsubscribe(String token) {
        if (!SessionTokens.wellFormed(token)) {
            return false;
        }
        String hash = SessionTokens.hash(token);
        return s.transactions().inTransaction(() -> {
            Unsubscribe u = s.emailNotices().unsubscribe(hash).orElse(null);
            if (u == null) {
                return false;
            }
            switch (u.scope()) {
                case THREAD -> s.watches().thread(u.member(), u.thread()).filter(ThreadWatch::email).ifPresent(w ->
                        s.watches().putThread(new ThreadWatch(w.member(), w.thread(), false, w.since())));
                case BOARD -> s.watches().board(u.member(), u.board()).filter(BoardWatch::email).ifPresent(w ->
                        s.watches().putBoard(new BoardWatch(w.member(), w.board(), w.everyPost(), false, w.since())));
                case KIND -> {
                    Preferences p = s.alertPreferences().byMember(u.member()).orElseGet(() -> Preferences.defaults(u.member()));
                    if (p.delivery(u.kind()) == Delivery.EMAIL) {
                        s.alertPreferences().put(p.with(u.kind(), Delivery.ON_SITE));
                    }
                }
            }
            return true;
        });
    }

    private static boolean alerts(ForumEvent e) {
        return e instanceof ForumEvent.PostCreated || e instanceof ForumEvent.PostEdited || e instanceof ForumEvent.ThreadStarted
                || e instanceof ForumEvent.ReactionChanged || e instanceof ForumEvent.ThreadLockChanged
                || e instanceof ForumEvent.ThreadMoved || e instanceof ForumEvent.ThreadDeleted
                || e instanceof ForumEvent.PostDeleted || e instanceof ForumEvent.PostRestored;
    }
}
