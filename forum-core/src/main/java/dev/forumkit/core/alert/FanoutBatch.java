package dev.forumkit.core.alert;

import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.event.EventDelivery;
import dev.forumkit.core.event.ForumEvent;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.core.thread.ForumThread;
import dev.forumkit.core.watch.BoardWatch;
import dev.forumkit.core.watch.ThreadWatch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the fan-out of a batch of events reads, read once per batch (the watchers of a thread that gets a hundred
 * replies are read once, not a hundred times), overlaid with what the batch has planned to write so far: the alerts
 * and watches of its earlier events count for its later ones exactly as if they had been written in between.
 */
final class FanoutBatch {
    private record WatchKey(MemberId member, ThreadId thread) {
    }

    private final ForumStorage s;
    private final Map<ThreadId, Optional<ForumThread>> threads = new HashMap<>();
    private final Map<PostId, Optional<Post>> posts = new HashMap<>();
    private final Map<ThreadId, Set<MemberId>> threadWatchers = new HashMap<>();
    private final Map<ThreadId, List<MemberId>> threadWatcherOrder = new HashMap<>();
    private final Map<BoardId, List<BoardWatch>> boardWatchers = new HashMap<>();
    private final Map<ThreadId, Set<MemberId>> newsPending = new HashMap<>();
    private final Map<MemberId, Set<MemberId>> ignorers = new HashMap<>();
    private final Map<MemberId, Preferences> preferences = new HashMap<>();
    private final Map<PostId, Map<AlertKind, Set<MemberId>>> plannedAbout = new HashMap<>();
    final List<Alert> alerts = new ArrayList<>();
    private int rowsRead;
    final Map<WatchKey, ThreadWatch> watches = new LinkedHashMap<>();

    FanoutBatch(ForumStorage storage) {
        this.s = storage;
    }

    /**
     * Reads what the batch's new posts share up front, a few reads for the whole batch instead of a few per post: their
     * threads and posts (and the posts they quote), the watchers of the threads replied to and who has news pending
     * there, and the preferences of those watchers, the authors and the members mentioned. A batch of one event reads
     * lazily as before (the same reads).
     */
    void prefetch(List<EventDelivery> deliveries) {
        Set<ThreadId> threadIds = new LinkedHashSet<>();
        Set<ThreadId> replied = new LinkedHashSet<>();
        Set<PostId> postIds = new LinkedHashSet<>();
        Set<MemberId> members = new LinkedHashSet<>();
        for (EventDelivery d : deliveries) {
            if (d.event() instanceof ForumEvent.PostCreated c) {
                threadIds.add(c.thread());
                postIds.add(c.post());
                postIds.addAll(c.quotes());
                members.add(c.author());
                members.addAll(c.mentions());
                if (c.number() > 1) {
                    replied.add(c.thread());
                }
            }
        }
        if (deliveries.size() < 2 || threadIds.isEmpty()) {
            return;
        }
        threadIds.removeAll(threads.keySet());
        if (!threadIds.isEmpty()) {
            Map<ThreadId, ForumThread> read = s.threads().byIds(threadIds);
            threadIds.forEach(t -> threads.put(t, Optional.ofNullable(read.get(t))));
        }
        postIds.removeAll(posts.keySet());
        if (!postIds.isEmpty()) {
            Map<PostId, Post> read = s.posts().byIds(postIds);
            postIds.forEach(p -> posts.put(p, Optional.ofNullable(read.get(p))));
        }
        replied.removeAll(threadWatchers.keySet());
        if (!replied.isEmpty()) {
            Map<ThreadId, List<MemberId>> order = new HashMap<>();
            for (ThreadWatch w : s.watches().watchersOfThreads(replied)) {
                order.computeIfAbsent(w.thread(), t -> new ArrayList<>()).add(w.member());
            }
            for (ThreadId t : replied) {
                List<MemberId> watchers = order.getOrDefault(t, new ArrayList<>());
                rowsRead += watchers.size();
                threadWatcherOrder.put(t, watchers);
                threadWatchers.put(t, new HashSet<>(watchers));
                members.addAll(watchers);
            }
            Set<AlertKind> news = java.util.EnumSet.noneOf(AlertKind.class);
            for (AlertKind kind : AlertKind.values()) {
                if (kind.isNewsInThread()) {
                    news.add(kind);
                }
            }
            replied.removeAll(newsPending.keySet());
            Map<ThreadId, Set<MemberId>> pending = s.alerts().withNewsPending(replied, news);
            for (ThreadId t : replied) {
                Set<MemberId> p = new HashSet<>(pending.getOrDefault(t, Set.of()));
                rowsRead += p.size();
                newsPending.put(t, p);
            }
        }
        preferences(members);
    }

    Optional<ForumThread> thread(ThreadId id) {
        return threads.computeIfAbsent(id, s.threads()::byId);
    }

    Optional<Post> post(PostId id) {
        return posts.computeIfAbsent(id, s.posts()::byId);
    }

    /** The thread's watchers in the storage's order, then those this batch made watch it. */
    List<MemberId> threadWatchers(ThreadId thread) {
        watchersOf(thread);
        return threadWatcherOrder.get(thread);
    }

    private Set<MemberId> watchersOf(ThreadId thread) {
        return threadWatchers.computeIfAbsent(thread, t -> {
            List<MemberId> order = new ArrayList<>();
            for (ThreadWatch w : s.watches().watchersOfThread(t)) {
                order.add(w.member());
            }
            rowsRead += order.size();
            threadWatcherOrder.put(t, order);
            return new HashSet<>(order);
        });
    }

    List<BoardWatch> boardWatchers(BoardId board) {
        return boardWatchers.computeIfAbsent(board, b -> {
            List<BoardWatch> all = s.watches().watchersOfBoard(b);
            rowsRead += all.size();
            return all;
        });
    }

    /**
     * The members with news pending in the thread: an unread alert of a news kind (a reply, a new post in a watched
     * board) about a post of the thread they have not read yet. Either kind covers both: a member who watches the
     * thread and its board hears of the thread's news once.
     */
    Set<MemberId> newsPending(ThreadId thread) {
        return newsPending.computeIfAbsent(thread, t -> {
            Set<MemberId> pending = new HashSet<>();
            for (AlertKind kind : AlertKind.values()) {
                if (kind.isNewsInThread()) {
                    pending.addAll(s.alerts().withNewsPending(thread, kind));
                }
            }
            rowsRead += pending.size();
            return pending;
        });
    }

    /** Watchers and members with news pending read so far: what makes a batch large. */
    int rowsRead() {
        return rowsRead;
    }

    Set<MemberId> ignorersOf(MemberId actor) {
        return ignorers.computeIfAbsent(actor, s.ignores()::ignorersOf);
    }

    /** Preferences of these members (defaults for those who never changed any), read once per member per batch. */
    Map<MemberId, Preferences> preferences(Collection<MemberId> members) {
        List<MemberId> missing = members.stream().filter(m -> !preferences.containsKey(m)).toList();
        if (!missing.isEmpty()) {
            Map<MemberId, Preferences> stored = s.alertPreferences().byMembers(missing);
            missing.forEach(m -> preferences.put(m, stored.getOrDefault(m, Preferences.defaults(m))));
        }
        return preferences;
    }

    /** Members with an alert of the kind about the post: stored, or planned by this batch. */
    Set<MemberId> recipientsAbout(PostId post, AlertKind kind) {
        Set<MemberId> told = new HashSet<>(s.alerts().recipientsAbout(post, kind));
        told.addAll(plannedAbout.getOrDefault(post, Map.of()).getOrDefault(kind, Set.of()));
        return told;
    }

    void plan(Alert a) {
        alerts.add(a);
        if (a.post() != null) {
            plannedAbout.computeIfAbsent(a.post(), p -> new HashMap<>()).computeIfAbsent(a.kind(), k -> new HashSet<>())
                    .add(a.recipient());
        }
        if (a.kind().isNewsInThread()) {
            newsPending(a.thread()).add(a.recipient());
        }
    }

    /** Plans the watch unless the member watches the thread already (stored, or planned by this batch). */
    void watch(ThreadWatch w) {
        if (watchersOf(w.thread()).add(w.member())) {
            threadWatcherOrder.get(w.thread()).add(w.member());
            watches.put(new WatchKey(w.member(), w.thread()), w);
        }
    }
}
