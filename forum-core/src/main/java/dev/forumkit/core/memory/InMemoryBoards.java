package dev.forumkit.core.memory;

import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.board.Boards;
import dev.forumkit.core.post.LastPost;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

final class InMemoryBoards implements Boards {
    private final Tables db;
    private final Tables.TxMap<Long, Board> boards;

    InMemoryBoards(Tables db) {
        this.db = db;
        this.boards = db.map();
    }


    @Override
    public Board add(Board board) {
        return db.write(() -> {
            Board stored = board.withId(BoardId.of(db.nextId())).withCounters(0, 0, null);
            boards.put(stored.id().value(), stored);
            return stored;
        });
    }

    @Override
    public Optional<Board> byId(BoardId id) {
        return db.read(() -> Optional.ofNullable(boards.get(id.value())));
    }

    @Override
    public List<Board> all() {
        return db.read(() -> boards.values().stream()
                .sorted(Comparator.comparingInt(Board::displayOrder).thenComparingLong(b -> b.id().value())).toList());
    }

    @Override
    public void update(Board board) {
        db.run(() -> {
            Board old = existing(board.id());
            boards.put(board.id().value(), board.withCounters(old.threadCount(), old.postCount(), old.lastPost()));
        });
    }

    @Override
    public void addCounters(BoardId id, int threadDelta, long postDelta) {
        db.run(() -> {
            Board b = existing(id);
            boards.put(id.value(), b.withCounters(b.threadCount() + threadDelta, b.postCount() + postDelta, b.lastPost()));
        });
    }

    @Override
    public void addPost(BoardId id, int threadDelta, LastPost post) {
        db.run(() -> {
            Board b = existing(id);
            boards.put(id.value(), b.withCounters(b.threadCount() + threadDelta, b.postCount() + 1,
                    post.isNewerThan(b.lastPost()) ? post : b.lastPost()));
        });
    }

    @Override
    public void offerLastPost(BoardId id, LastPost candidate) {
        db.run(() -> {
            Board b = existing(id);
            if (candidate.isNewerThan(b.lastPost())) {
                boards.put(id.value(), b.withCounters(b.threadCount(), b.postCount(), candidate));
            }
        });
    }

    @Override
    public void setLastPost(BoardId id, LastPost lastPost) {
        db.run(() -> {
            Board b = existing(id);
            boards.put(id.value(), b.withCounters(b.threadCount(), b.postCount(), lastPost));
        });
    }

    @Override
    public void setCounters(BoardId id, int threadCount, long postCount, LastPost lastPost) {
        db.run(() -> boards.put(id.value(), existing(id).withCounters(threadCount, postCount, lastPost)));
    }

    private Board existing(BoardId id) {
        Board b = boards.get(id.value());
        if (b == null) {
            throw new NotFoundException("no board " + id);
        }
        return b;
    }
}
