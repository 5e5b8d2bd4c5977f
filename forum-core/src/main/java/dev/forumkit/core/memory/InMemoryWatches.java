package dev.forumkit.core.memory;

import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.watch.BoardWatch;
import dev.forumkit.core.watch.ThreadWatch;
import dev.forumkit.core.watch.Watches;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

final class InMemoryWatches implements Watches {
    /** (member, watched thread or board). */
    record Key(long member, long target) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Long.compare(member, o.member);
            return c != 0 ? c : Long.compare(target, o.target);
        }
    }

    private final Tables db;
    private final Tables.TxMap<Key, ThreadWatch> threads;
    private final Tables.TxMap<Key, BoardWatch> boards;

    InMemoryWatches(Tables db) {
        this.db = db;
        this.threads = db.map();
        this.boards = db.map();
    }

    @Override
    public void putThread(ThreadWatch watch) {
        db.run(() -> threads.put(new Key(watch.member().value(), watch.thread().value()), watch));
    }

    @Override
    public void addThreads(java.util.Collection<ThreadWatch> watches) {
        db.run(() -> watches.forEach(w -> {
            Key k = new Key(w.member().value(), w.thread().value());
            if (threads.get(k) == null) {
                threads.put(k, w);
            }
        }));
    }

    @Override
    public boolean removeThread(MemberId member, ThreadId thread) {
        return db.write(() -> threads.remove(new Key(member.value(), thread.value())) != null);
    }

    @Override
    public Optional<ThreadWatch> thread(MemberId member, ThreadId thread) {
        return db.read(() -> Optional.ofNullable(threads.get(new Key(member.value(), thread.value()))));
    }

    @Override
    public List<ThreadWatch> watchersOfThread(ThreadId thread) {
        return db.read(() -> threads.values().stream().filter(w -> w.thread().equals(thread)).toList());
    }

    @Override
    public List<ThreadWatch> watchersOfThreads(java.util.Collection<ThreadId> threads) {
        java.util.Set<ThreadId> wanted = new java.util.HashSet<>(threads);
        return db.read(() -> this.threads.values().stream().filter(w -> wanted.contains(w.thread())).toList());
    }

    @Override
    public List<ThreadWatch> threadsOf(MemberId member, int offset, int limit) {
        return db.read(() -> threads.range(new Key(member.value(), Long.MIN_VALUE), new Key(member.value(), Long.MAX_VALUE))
                .values().stream()
                .sorted(Comparator.comparing(ThreadWatch::since).thenComparingLong(w -> w.thread().value()).reversed())
                .skip(offset).limit(limit).toList());
    }

    @Override
    public long countThreadsOf(MemberId member) {
        return db.read(() -> threads.range(new Key(member.value(), Long.MIN_VALUE), new Key(member.value(), Long.MAX_VALUE)).size());
    }

    @Override
    public void putBoard(BoardWatch watch) {
        db.run(() -> boards.put(new Key(watch.member().value(), watch.board().value()), watch));
    }

    @Override
    public boolean removeBoard(MemberId member, BoardId board) {
        return db.write(() -> boards.remove(new Key(member.value(), board.value())) != null);
    }

    @Override
    public Optional<BoardWatch> board(MemberId member, BoardId board) {
        return db.read(() -> Optional.ofNullable(boards.get(new Key(member.value(), board.value()))));
    }

    @Override
    public List<BoardWatch> watchersOfBoard(BoardId board) {
        return db.read(() -> boards.values().stream().filter(w -> w.board().equals(board)).toList());
    }

    @Override
    public List<BoardWatch> boardsOf(MemberId member, int offset, int limit) {
        return db.read(() -> boards.range(new Key(member.value(), Long.MIN_VALUE), new Key(member.value(), Long.MAX_VALUE))
                .values().stream()
                .sorted(Comparator.comparing(BoardWatch::since).thenComparingLong(w -> w.board().value()).reversed())
                .skip(offset).limit(limit).toList());
    }

    @Override
    public long countBoardsOf(MemberId member) {
        return db.read(() -> boards.range(new Key(member.value(), Long.MIN_VALUE), new Key(member.value(), Long.MAX_VALUE)).size());
    }

    /** Every watch of the member, for erasing a deleted account; runs inside a write. */
    void removeMember(dev.forumkit.core.member.MemberId member) {
        long m = member.value();
        java.util.List.copyOf(threads.range(new Key(m, Long.MIN_VALUE), new Key(m, Long.MAX_VALUE)).keySet()).forEach(threads::remove);
        java.util.List.copyOf(boards.range(new Key(m, Long.MIN_VALUE), new Key(m, Long.MAX_VALUE)).keySet()).forEach(boards::remove);
    }
}
