package dev.forumkit.core.memory;

import dev.forumkit.core.ConflictException;
import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.post.Posts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

final class InMemoryPosts implements Posts {
    /** The (thread, number) index, which also enforces uniqueness. */
    record Key(long thread, int number) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Long.compare(thread, o.thread);
            return c != 0 ? c : Integer.compare(number, o.number);
        }
    }

    private final Tables db;
    private final InMemoryThreads threads;
    private final Tables.TxMap<Long, Post> rows;
    private final Tables.TxMap<Key, Long> byNumber;

    InMemoryPosts(Tables db, InMemoryThreads threads) {
        this.db = db;
        this.threads = threads;
        this.rows = db.map();
        this.byNumber = db.map();
    }

    @Override
    public Post add(Post post) {
        return db.write(() -> {
            if (threads.byId(post.threadId()).isEmpty()) {
                throw new NotFoundException("no thread " + post.threadId());
            }
            Key key = new Key(post.threadId().value(), post.number());
            if (byNumber.get(key) != null) {
                throw new ConflictException("post #" + post.number() + " already exists in thread " + post.threadId());
            }
            Post stored = post.withId(PostId.of(db.nextId()));
            rows.put(stored.id().value(), stored);
            byNumber.put(key, stored.id().value());
            return stored;
        });
    }

    @Override
    public Optional<Post> byId(PostId id) {
        return db.read(() -> Optional.ofNullable(rows.get(id.value())));
    }

    @Override
    public List<Post> afterId(PostId after, int limit) {
        long from = after == null ? Long.MIN_VALUE : after.value();
        return db.read(() -> rows.values().stream().filter(p -> p.id().value() > from)
                .sorted(Comparator.comparingLong(p -> p.id().value())).limit(limit).toList());
    }

    @Override
    public Map<PostId, Post> byIds(Collection<PostId> ids) {
        return db.read(() -> {
            Map<PostId, Post> out = new HashMap<>();
            for (PostId id : ids) {
                Post p = rows.get(id.value());
                if (p != null) {
                    out.put(id, p);
                }
            }
            return out;
        });
    }

    @Override
    public void update(Post post) {
        db.run(() -> {
            Post old = rows.get(post.id().value());
            if (old == null) {
                throw new NotFoundException("no post " + post.id());
            }
            rows.put(post.id().value(), new Post(old.id(), old.threadId(), old.number(), old.authorId(), post.body(),
                    old.createdAt(), post.lastEdit(), post.deletion(), post.html(), post.renderVersion()));
        });
    }

    @Override
    public List<Post> byNumberRange(ThreadId thread, int from, int to, boolean includeDeleted) {
        if (from > to) {
            return List.of();
        }
        return db.read(() -> inThread(thread, from, to).stream().filter(p -> includeDeleted || !p.isDeleted()).toList());
    }

    List<Post> inThread(ThreadId thread, int from, int to) {
        List<Post> out = new ArrayList<>();
        for (Long id : byNumber.range(new Key(thread.value(), from), new Key(thread.value(), to)).values()) {
            out.add(rows.get(id));
        }
        return out;
    }

    @Override
    public List<Post> recentVisibleByAuthor(MemberId author, int limit) {
        return db.read(() -> rows.values().stream()
                .filter(p -> p.authorId().equals(author) && !p.isDeleted()
                        && threads.byId(p.threadId()).map(t -> !t.isDeleted()).orElse(false))
                .sorted(Comparator.comparing(Post::createdAt).thenComparingLong(p -> p.id().value()).reversed())
                .limit(limit).toList());
    }

    @Override
    public List<Post> visibleByAuthor(MemberId author, java.util.Set<dev.forumkit.core.board.BoardId> excluded,
                                      boolean threadStartsOnly, int offset, int limit) {
        return db.read(() -> rows.values().stream()
                .filter(p -> p.authorId().equals(author) && !p.isDeleted() && (!threadStartsOnly || p.number() == 1)
                        && threads.byId(p.threadId()).map(t -> !t.isDeleted() && !excluded.contains(t.boardId())).orElse(false))
                .sorted(Comparator.comparing(Post::createdAt).thenComparingLong(p -> p.id().value()).reversed())
                .skip(offset).limit(limit).toList());
    }

    @Override
    public List<Post> recentVisibleByAuthor(MemberId author, java.util.Set<dev.forumkit.core.board.BoardId> excluded, int limit) {
        return db.read(() -> rows.values().stream()
                .filter(p -> p.authorId().equals(author) && !p.isDeleted()
                        && threads.byId(p.threadId()).map(t -> !t.isDeleted() && !excluded.contains(t.boardId())).orElse(false))
                .sorted(Comparator.comparing(Post::createdAt).thenComparingLong(p -> p.id().value()).reversed())
                .limit(limit).toList());
    }

    @Override
    public Optional<Post> lastVisibleInThread(ThreadId thread) {
        return db.read(() -> {
            List<Post> all = inThread(thread, 1, Integer.MAX_VALUE);
            for (int i = all.size() - 1; i >= 0; i--) {
                if (!all.get(i).isDeleted()) {
                    return Optional.of(all.get(i));
                }
            }
            return Optional.empty();
        });
    }

    @Override
    public Map<MemberId, Integer> visibleCountsByAuthor(ThreadId thread) {
        return db.read(() -> {
            Map<MemberId, Integer> out = new HashMap<>();
            for (Post p : inThread(thread, 1, Integer.MAX_VALUE)) {
                if (!p.isDeleted()) {
                    out.merge(p.authorId(), 1, Integer::sum);
                }
            }
            return out;
        });
    }

    @Override
    public List<Post> renderedOtherThan(String version, PostId after, int limit) {
        long from = after == null ? Long.MIN_VALUE : after.value();
        return db.read(() -> rows.range(from, Long.MAX_VALUE).values().stream()
                .filter(p -> p.id().value() > from && !version.equals(p.renderVersion())).limit(limit).toList());
    }

    @Override
    public long countRenderedOtherThan(String version) {
        return db.read(() -> rows.values().stream().filter(p -> !version.equals(p.renderVersion())).count());
    }

    @Override
    public boolean setRendering(PostId id, String body, String html, String version) {
        return db.write(() -> {
            Post old = rows.get(id.value());
            if (old == null || !old.body().equals(body)) {
                return false;
            }
            rows.put(id.value(), old.withRendering(html, version));
            return true;
        });
    }

    @Override
    public void forEach(Consumer<Post> action) {
        db.read(() -> List.copyOf(rows.values())).forEach(action);
    }


    @Override
    public long countVisibleByAuthor(MemberId author, java.util.Set<dev.forumkit.core.board.BoardId> excluded) {
        return visibleByAuthor(author, excluded, false, 0, Integer.MAX_VALUE).size();
    }
}
