package dev.forumkit.core.alert;

import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.event.ForumEvent;
import dev.forumkit.core.internal.ServiceContext;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.core.thread.ForumThread;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.watch.BoardWatch;
import dev.forumkit.core.watch.ThreadWatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one stored domain event into alerts, in one transaction (joining the caller's, such as an outbox consumer's
 * that records its position in the same one). Nobody is alerted about their own action, about content they may not
 * see, by a member they ignore, or for a kind they turned off; one event gives each recipient at most one alert (the
 * most specific kind: a quote beats a mention beats a reply). Every alert of an event is written in one batch, and
 * an event handled twice writes nothing the second time.
 */
public final class AlertFanout {
    /** Most specific first: a recipient who qualifies for several kinds gets the first they have not turned off. */
    private static final AlertKind[] PRIORITY = {AlertKind.QUOTE, AlertKind.MENTION, AlertKind.REPLY,
            AlertKind.NEW_POST_IN_BOARD, AlertKind.NEW_THREAD, AlertKind.REACTION};

    private final ServiceContext ctx;
    private final ForumStorage s;

    AlertFanout(ServiceContext ctx) {
        this.ctx = ctx;
        this.s = ctx.storage;
    }

    /** Handles the event stored at {@code position} of the outbox; events that alert nobody are ignored. */
    public void handle(long position, ForumEvent event) {
        s.transactions().run(() -> {
            if (event instanceof ForumEvent.PostCreated e) {
                postCreated(position, e);
            } else if (event instanceof ForumEvent.PostEdited e) {
                postEdited(position, e);
            } else if (event instanceof ForumEvent.ThreadStarted e) {
                threadStarted(position, e);
            } else if (event instanceof ForumEvent.ReactionChanged e) {
                if (e.oldType() == null && e.newType() != null) { // a changed or withdrawn reaction is no news
                    post(e.post()).ifPresent(p -> new Fanout(position, e.member(), p.threadId(), p.id(), null, e.newType(), e.at())
                            .add(e.receiver(), AlertKind.REACTION).deliver());
                }
            } else if (event instanceof ForumEvent.ThreadLockChanged e) {
                if (e.locked()) {
                    aboutThread(position, e.thread(), e.by(), AlertKind.THREAD_LOCKED, null, e.at());
                }
            } else if (event instanceof ForumEvent.ThreadMoved e) {
                aboutThread(position, e.thread(), e.by(), AlertKind.THREAD_MOVED, e.to(), e.at());
            } else if (event instanceof ForumEvent.ThreadDeleted e) {
                aboutThread(position, e.thread(), e.by(), AlertKind.THREAD_DELETED, null, e.at());
            } else if (event instanceof ForumEvent.PostDeleted e) {
                aboutPost(position, e.post(), e.by(), AlertKind.POST_DELETED, e.at());
            } else if (event instanceof ForumEvent.PostRestored e) {
                aboutPost(position, e.post(), e.by(), AlertKind.POST_RESTORED, e.at());
            }
        });
    }

    private void postCreated(long position, ForumEvent.PostCreated e) {
        Optional<ForumThread> thread = s.threads().byId(e.thread());
        if (thread.isEmpty() || post(e.post()).isEmpty()) {
            return;
        }
        Fanout f = new Fanout(position, e.author(), e.thread(), e.post(), null, null, e.at());
        if (e.number() > 1) { // post #1 comes with ThreadStarted, which tells the board's watchers
            for (ThreadWatch w : s.watches().watchersOfThread(e.thread())) {
                f.add(w.member(), AlertKind.REPLY);
            }
            for (BoardWatch w : s.watches().watchersOfBoard(thread.get().boardId())) {
                if (w.everyPost()) {
                    f.add(w.member(), AlertKind.NEW_POST_IN_BOARD);
                }
            }
        }
        e.mentions().forEach(m -> f.add(m, AlertKind.MENTION));
        quotedAuthors(e.quotes()).forEach(m -> f.add(m, AlertKind.QUOTE));
        f.deliver();
        autoWatch(e.author(), e.thread(), e.at());
    }

    /** An edit alerts only members it newly mentions or quotes: those told about the post before are left alone. */
    private void postEdited(long position, ForumEvent.PostEdited e) {
        Optional<Post> post = post(e.post());
        if (post.isEmpty()) {
            return;
        }
        Set<MemberId> told = new HashSet<>(s.alerts().recipientsAbout(e.post(), AlertKind.MENTION));
        told.addAll(s.alerts().recipientsAbout(e.post(), AlertKind.QUOTE));
        // the author is the one who mentions, also when a moderator's edit added the name
        Fanout f = new Fanout(position, post.get().authorId(), e.thread(), e.post(), null, null, e.at());
        e.mentions().stream().filter(m -> !told.contains(m)).forEach(m -> f.add(m, AlertKind.MENTION));
        quotedAuthors(e.quotes()).stream().filter(m -> !told.contains(m)).forEach(m -> f.add(m, AlertKind.QUOTE));
        f.deliver();
    }

    private void threadStarted(long position, ForumEvent.ThreadStarted e) {
        Fanout f = new Fanout(position, e.starter(), e.thread(), e.firstPost(), e.board(), null, e.at());
        for (BoardWatch w : s.watches().watchersOfBoard(e.board())) {
            f.add(w.member(), AlertKind.NEW_THREAD);
        }
        f.deliver();
    }

    private void aboutThread(long position, ThreadId id, MemberId by, AlertKind kind, BoardId board, Instant at) {
        s.threads().byId(id).ifPresent(t -> new Fanout(position, by, id, null, board, null, at).add(t.starterId(), kind).deliver());
    }

    private void aboutPost(long position, PostId id, MemberId by, AlertKind kind, Instant at) {
        post(id).ifPresent(p -> new Fanout(position, by, p.threadId(), id, null, null, at).add(p.authorId(), kind).deliver());
    }

    private Set<MemberId> quotedAuthors(Set<PostId> quotes) {
        Set<MemberId> authors = new HashSet<>();
        for (PostId q : quotes) {
            post(q).ifPresent(p -> authors.add(p.authorId()));
        }
        return authors;
    }

    /** Threads the member starts or replies to are watched for them, unless they turned that off. */
    private void autoWatch(MemberId member, ThreadId thread, Instant at) {
        Preferences p = s.alertPreferences().byMember(member).orElseGet(() -> Preferences.defaults(member));
        if (p.autoWatch() && s.watches().thread(member, thread).isEmpty()) {
            s.watches().putThread(new ThreadWatch(member, thread, p.autoWatchEmail(), at));
        }
    }

    private Optional<Post> post(PostId id) {
        return s.posts().byId(id);
    }

    /** The alerts of one event: candidates with the kinds they qualify for, filtered and written together. */
    private final class Fanout {
        private final long position;
        private final MemberId actor;
        private final ThreadId thread;
        private final PostId post;
        private final BoardId board;
        private final String detail;
        private final Instant at;
        private final Map<MemberId, EnumSet<AlertKind>> candidates = new LinkedHashMap<>();

        Fanout(long position, MemberId actor, ThreadId thread, PostId post, BoardId board, String detail, Instant at) {
            this.position = position;
            this.actor = actor;
            this.thread = thread;
            this.post = post;
            this.board = board;
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
            if (candidates.isEmpty()) {
                return;
            }
            Set<MemberId> ignoring = s.ignores().ignorersOf(actor);
            candidates.entrySet().removeIf(c -> ignoring.contains(c.getKey()) && !isModeration(c.getValue()));
            if (!visibleToAll()) {
                Map<MemberId, Member> members = s.members().byIds(candidates.keySet());
                candidates.entrySet().removeIf(c -> !isModeration(c.getValue()) && !staff(members.get(c.getKey())));
            }
            BoardId on = board != null ? board : s.threads().byId(thread).map(ForumThread::boardId).orElse(null);
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
            Map<MemberId, Preferences> prefs = s.alertPreferences().byMembers(candidates.keySet());
            List<Alert> alerts = new ArrayList<>(candidates.size());
            candidates.forEach((member, kinds) -> {
                Preferences p = prefs.getOrDefault(member, Preferences.defaults(member));
                chosen(kinds, p).ifPresent(kind ->
                        alerts.add(Alert.unread(member, kind, actor, thread, post, board, detail, at, position)));
            });
            if (!alerts.isEmpty()) {
                s.alerts().addAll(alerts);
            }
        }

        /** Content as it is now: a deleted post or thread is for staff only. */
        private boolean visibleToAll() {
            Optional<ForumThread> t = s.threads().byId(thread);
            if (t.isEmpty() || t.get().isDeleted()) {
                return false;
            }
            return post == null || post(post).map(p -> !p.isDeleted()).orElse(false);
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
            if (k.isModeration() && p.delivery(k).onSite()) {
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
