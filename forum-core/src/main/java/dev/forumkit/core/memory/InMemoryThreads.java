package dev.forumkit.core.memory;

import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.post.LastPost;
import dev.forumkit.core.thread.ForumThread;
import dev.forumkit.core.thread.ThreadPlace;
import dev.forumkit.core.thread.Threads;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

final class InMemoryThreads implements Threads {
    static final Comparator<ForumThread> BY_ACTIVITY = Comparator.comparing(ForumThread::lastActivityAt).reversed()
            .thenComparing(Comparator.comparingLong((ForumThread t) -> t.id().value()).reversed());
    private static final Comparator<ForumThread> BOARD_ORDER =
            Comparator.comparing(ForumThread::pinned).reversed().thenComparing(BY_ACTIVITY);
    private final Tables db;
    private final Tables.TxMap<Long, ForumThread> rows;
    private final InMemoryBoards boards;
    private final InMemoryCategories categories;

    InMemoryThreads(Tables db, InMemoryBoards boards, InMemoryCategories categories) {
        this.db = db;
        this.rows = db.map();
        this.boards = boards;
        this.categories = categories;
    }

    @Override
    public ForumThread add(ForumThread thread) {
        return db.write(() -> {
            ForumThread stored = thread.withId(ThreadId.of(db.nextId()));
            stored = new ForumThread(stored.id(), stored.boardId(), stored.title(), stored.starterId(), stored.createdAt(),
                    stored.pinned(), stored.locked(), stored.deletion(), 0, 0, 0, null);
            rows.put(stored.id().value(), stored);
            return stored;
        });
    }

    @Override
    public Optional<ForumThread> byId(ThreadId id) {
        return db.read(() -> Optional.ofNullable(rows.get(id.value())));
    }

    @Override
    public Optional<ThreadPlace> byIdWithPlace(ThreadId id) {
        return db.read(() -> Optional.ofNullable(rows.get(id.value())).flatMap(t -> boards.byId(t.boardId())
                .flatMap(b -> categories.byId(b.categoryId()).map(c -> new ThreadPlace(t, b, c)))));
    }

    @Override
    public Optional<ForumThread> byIdForUpdate(ThreadId id) {
        return db.write(() -> Optional.ofNullable(rows.get(id.value()))); // the write lock is the row lock
    }

    @Override
    public Map<ThreadId, ForumThread> byIds(Collection<ThreadId> ids) {
        return db.read(() -> {
            Map<ThreadId, ForumThread> out = new HashMap<>();
            for (ThreadId id : ids) {
                ForumThread t = rows.get(id.value());
                if (t != null) {
                    out.put(id, t);
                }
            }
            return out;
        });
    }

    @Override
    public void update(ForumThread t) {
        db.run(() -> {
            ForumThread old = existing(t.id());
            rows.put(t.id().value(), new ForumThread(t.id(), t.boardId(), t.title(), old.starterId(), old.createdAt(),
                    t.pinned(), t.locked(), t.deletion(), old.postCounter(), old.replyCount(), old.viewCount(), old.lastPost()));
        });
    }

    @Override
    public int allocatePostNumber(ThreadId id) {
        return db.write(() -> {
            ForumThread t = existing(id);
            int next = t.postCounter() + 1;
            rows.put(id.value(), new ForumThread(t.id(), t.boardId(), t.title(), t.starterId(), t.createdAt(), t.pinned(),
                    t.locked(), t.deletion(), next, t.replyCount(), t.viewCount(), t.lastPost()));
            return next;
        });
    }

    @Override
    public void addReply(ThreadId id, LastPost reply) {
        db.run(() -> {
            ForumThread t = rows.get(id.value());
            if (t == null || t.postCounter() != reply.number() - 1) {
                throw new IllegalStateException("thread " + id + " is gone or its post counter is not " + (reply.number() - 1));
            }
            rows.put(id.value(), new ForumThread(t.id(), t.boardId(), t.title(), t.starterId(), t.createdAt(), t.pinned(),
                    t.locked(), t.deletion(), reply.number(), t.replyCount() + 1, t.viewCount(), reply));
        });
    }

    @Override
    public void addReplies(ThreadId id, int delta) {
        db.run(() -> {
            ForumThread t = existing(id);
            rows.put(id.value(), t.withCounters(t.replyCount() + delta, t.lastPost()));
        });
    }

    @Override
    public void setLastPost(ThreadId id, LastPost lastPost) {
        db.run(() -> {
            ForumThread t = existing(id);
            rows.put(id.value(), t.withCounters(t.replyCount(), lastPost));
        });
    }

    @Override
    public void addViews(Map<ThreadId, Long> views) {
        db.run(() -> views.forEach((id, n) -> {
            ForumThread t = rows.get(id.value());
            if (t != null) { // a thread may be gone from a test's storage; views of it are dropped
                rows.put(id.value(), new ForumThread(t.id(), t.boardId(), t.title(), t.starterId(), t.createdAt(),
                        t.pinned(), t.locked(), t.deletion(), t.postCounter(), t.replyCount(), t.viewCount() + n, t.lastPost()));
            }
        }));
    }

    @Override
    public void setCounters(ThreadId id, int replyCount, LastPost lastPost) {
        db.run(() -> rows.put(id.value(), existing(id).withCounters(replyCount, lastPost)));
    }

    @Override
    public List<ForumThread> pageInBoard(BoardId boardId, boolean includeDeleted, int offset, int limit) {
        return page(t -> t.boardId().equals(boardId) && (includeDeleted || !t.isDeleted()), BOARD_ORDER, offset, limit);
    }

    @Override
    public int countInBoard(BoardId boardId, boolean includeDeleted) {
        return count(t -> t.boardId().equals(boardId) && (includeDeleted || !t.isDeleted()));
    }

    @Override
    public List<ForumThread> latest(boolean includeDeleted, int offset, int limit) {
        return page(t -> includeDeleted || !t.isDeleted(), BY_ACTIVITY, offset, limit);
    }

    @Override
    public List<ForumThread> latestExcluding(java.util.Set<BoardId> excluded, boolean includeDeleted, int offset, int limit) {
        return page(t -> (includeDeleted || !t.isDeleted()) && !excluded.contains(t.boardId()), BY_ACTIVITY, offset, limit);
    }

    @Override
    public List<ForumThread> newestExcluding(java.util.Set<BoardId> excluded, int limit) {
        return page(t -> !t.isDeleted() && !excluded.contains(t.boardId()),
                Comparator.comparingLong((ForumThread t) -> t.id().value()).reversed(), 0, limit);
    }

    @Override
    public int countAll(boolean includeDeleted) {
        return count(t -> includeDeleted || !t.isDeleted());
    }

    @Override
    public Optional<ForumThread> latestVisibleInBoard(BoardId boardId) {
        return db.read(() -> rows.values().stream()
                .filter(t -> t.boardId().equals(boardId) && !t.isDeleted() && t.lastPost() != null)
                .max((a, b) -> a.lastPost().isNewerThan(b.lastPost()) ? 1 : -1));
    }

    @Override
    public void forEach(Consumer<ForumThread> action) {
        db.read(() -> List.copyOf(rows.values())).forEach(action);
    }

    private List<ForumThread> page(Predicate<ForumThread> filter, Comparator<ForumThread> order, int offset, int limit) {
        return db.read(() -> rows.values().stream().filter(filter).sorted(order).skip(offset).limit(limit).toList());
    }

    private int count(Predicate<ForumThread> filter) {
        return db.read(() -> (int) rows.values().stream().filter(filter).count());
    }

    private ForumThread existing(ThreadId id) {
        ForumThread t = rows.get(id.value());
        if (t == null) {
            throw new NotFoundException("no thread " + id);
        }
        return t;
    }
}
