package dev.forumkit.core.alert;

import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.content.ThreadId;
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
