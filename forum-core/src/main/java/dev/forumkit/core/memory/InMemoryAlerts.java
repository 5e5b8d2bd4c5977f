package dev.forumkit.core.memory;

import dev.forumkit.core.alert.Alert;
import dev.forumkit.core.alert.AlertId;
import dev.forumkit.core.alert.AlertKind;
import dev.forumkit.core.alert.Alerts;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.post.PostId;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

final class InMemoryAlerts implements Alerts {
    private static final Comparator<Alert> NEWEST_FIRST = Comparator.comparing(Alert::createdAt)
            .thenComparingLong(a -> a.id().value()).reversed();

    /** A member's alerts, by (recipient, id). */
    record Key(long recipient, long id) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Long.compare(recipient, o.recipient);
            return c != 0 ? c : Long.compare(id, o.id);
        }
    }

    /** The unique key: one alert of a kind per recipient and event. */
    record Source(long recipient, long position, AlertKind kind) implements Comparable<Source> {
        @Override
        public int compareTo(Source o) {
            int c = Long.compare(recipient, o.recipient);
            c = c != 0 ? c : Long.compare(position, o.position);
            return c != 0 ? c : kind.compareTo(o.kind);
        }
    }

    private final Tables db;
    private final InMemoryPosts posts;
    private final InMemoryReadStates readStates;
    private final java.util.function.ToLongFunction<MemberId> unreadConversations;
    private final Tables.TxMap<Key, Alert> rows;
    private final Tables.TxMap<Long, Long> recipientById;
    private final Tables.TxMap<Source, Long> sources;

    InMemoryAlerts(Tables db, InMemoryPosts posts, InMemoryReadStates readStates,
                   java.util.function.ToLongFunction<MemberId> unreadConversations) {
        this.unreadConversations = unreadConversations;
        this.db = db;
        this.posts = posts;
        this.readStates = readStates;
        this.rows = db.map();
        this.recipientById = db.map();
        this.sources = db.map();
    }

    @Override
    public int addAll(List<Alert> alerts) {
        return db.write(() -> {
            int added = 0;
            for (Alert a : alerts) {
                Source source = new Source(a.recipient().value(), a.sourcePosition(), a.kind());
                if (sources.get(source) != null) {
                    continue;
                }
                long id = db.nextId();
                rows.put(new Key(a.recipient().value(), id), a.withId(AlertId.of(id)));
                recipientById.put(id, a.recipient().value());
                sources.put(source, id);
                added++;
            }
            return added;
        });
    }

    @Override
    public Optional<Alert> byId(AlertId id) {
        return db.read(() -> {
            Long recipient = recipientById.get(id.value());
            return recipient == null ? Optional.empty() : Optional.ofNullable(rows.get(new Key(recipient, id.value())));
        });
    }

    @Override
    public List<Alert> unread(MemberId recipient) {
        return db.read(() -> of(recipient).stream().filter(a -> !a.read()).sorted(NEWEST_FIRST).toList());
    }

    @Override
    public List<Alert> readPage(MemberId recipient, int offset, int limit) {
        return db.read(() -> of(recipient).stream().filter(Alert::read).sorted(NEWEST_FIRST).skip(offset).limit(limit).toList());
    }

    @Override
    public long countUnread(MemberId recipient) {
        return db.read(() -> of(recipient).stream().filter(a -> !a.read()).count());
    }

    @Override
    public dev.forumkit.core.alert.UnreadCounts unreadCounts(MemberId member) {
        return db.read(() -> new dev.forumkit.core.alert.UnreadCounts(countUnread(member),
                unreadConversations.applyAsLong(member)));
    }

    @Override
    public long countRead(MemberId recipient) {
        return db.read(() -> of(recipient).stream().filter(Alert::read).count());
    }

    @Override
    public int markRead(MemberId recipient, Collection<AlertId> ids) {
        return db.write(() -> {
            int changed = 0;
            for (AlertId id : Set.copyOf(ids)) {
                Key key = new Key(recipient.value(), id.value());
                Alert a = rows.get(key);
                if (a != null && !a.read()) {
                    rows.put(key, a.asRead());
                    changed++;
                }
            }
            return changed;
        });
    }

    @Override
    public int markAllRead(MemberId recipient) {
        return db.write(() -> markRead(recipient, of(recipient).stream().filter(a -> !a.read()).map(Alert::id).toList()));
    }

    @Override
    public int markReadInThread(MemberId recipient, ThreadId thread, int number) {
        return db.write(() -> {
            int changed = 0;
            for (Alert a : List.copyOf(of(recipient))) {
                if (!a.read() && a.kind().isReadWithThread() && thread.equals(a.thread()) && a.post() != null
                        && posts.byId(a.post()).map(p -> p.number() <= number).orElse(false)) {
                    rows.put(new Key(recipient.value(), a.id().value()), a.asRead());
                    changed++;
                }
            }
            return changed;
        });
    }

    @Override
    public Set<MemberId> recipientsAbout(PostId post, AlertKind kind) {
        return db.read(() -> rows.values().stream().filter(a -> a.kind() == kind && post.equals(a.post()))
                .map(Alert::recipient).collect(Collectors.toSet()));
    }

    @Override
    public Set<MemberId> withNewsPending(ThreadId thread, AlertKind kind) {
        return db.read(() -> rows.values().stream()
                .filter(a -> !a.read() && a.kind() == kind && thread.equals(a.thread()) && a.post() != null)
                .filter(a -> posts.byId(a.post()).filter(p -> !p.isDeleted())
                        .map(p -> p.number() > readStates.lastRead(a.recipient(), thread)).orElse(false))
                .map(Alert::recipient).collect(Collectors.toSet()));
    }

    @Override
    public Map<ThreadId, Set<MemberId>> withNewsPending(Collection<ThreadId> threads, Set<AlertKind> kinds) {
        return db.read(() -> {
            Map<ThreadId, Set<MemberId>> out = new java.util.HashMap<>();
            for (ThreadId t : new java.util.LinkedHashSet<>(threads)) {
                for (AlertKind k : kinds) {
                    Set<MemberId> pending = withNewsPending(t, k);
                    if (!pending.isEmpty()) {
                        out.computeIfAbsent(t, x -> new java.util.HashSet<>()).addAll(pending);
                    }
                }
            }
            return out;
        });
    }

    private Collection<Alert> of(MemberId recipient) {
        return rows.range(new Key(recipient.value(), Long.MIN_VALUE), new Key(recipient.value(), Long.MAX_VALUE)).values();
    }

    @Override
    public List<Alert> bySource(long sourcePosition) {
        return db.read(() -> rows.values().stream().filter(a -> a.sourcePosition() == sourcePosition)
                .sorted(java.util.Comparator.comparingLong(a -> a.id().value())).toList());
    }

    @Override
    public List<Alert> bySources(long after, long upTo) {
        return db.read(() -> rows.values().stream().filter(a -> a.sourcePosition() > after && a.sourcePosition() <= upTo)
                .sorted(java.util.Comparator.comparingLong(a -> a.id().value())).toList());
    }

    /** Every alert the member received, for erasing a deleted account; runs inside a write. */
    void removeMember(dev.forumkit.core.member.MemberId member) {
        long m = member.value();
        for (Key k : java.util.List.copyOf(rows.range(new Key(m, Long.MIN_VALUE), new Key(m, Long.MAX_VALUE)).keySet())) {
            Alert a = rows.remove(k);
            recipientById.remove(k.id());
            sources.remove(new Source(m, a.sourcePosition(), a.kind()));
        }
    }
}
