package dev.forumkit.core.memory;

import dev.forumkit.core.approval.HeldPost;
import dev.forumkit.core.approval.HeldPostId;
import dev.forumkit.core.approval.HeldPosts;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.MemberId;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

final class InMemoryHeldPosts implements HeldPosts {
    private static final Comparator<HeldPost> OLDEST_FIRST =
            Comparator.comparing(HeldPost::heldAt).thenComparing(h -> h.id().value());
    private final Tables db;
    private final Tables.TxMap<Long, HeldPost> held;
    private final Tables.TxMap<Long, Boolean> moderated;

    InMemoryHeldPosts(Tables db) {
        this.db = db;
        this.held = db.map();
        this.moderated = db.map();
    }

    @Override
    public HeldPost add(HeldPost post) {
        return db.write(() -> {
            HeldPost stored = post.withId(HeldPostId.of(db.nextId()));
            held.put(stored.id().value(), stored);
            return stored;
        });
    }

    @Override
    public Optional<HeldPost> byId(HeldPostId id) {
        return db.read(() -> Optional.ofNullable(held.get(id.value())));
    }

    @Override
    public boolean decide(HeldPost decided) {
        return db.write(() -> {
            HeldPost stored = held.get(decided.id().value());
            if (stored == null || !stored.isPending()) {
                return false;
            }
            held.put(decided.id().value(), decided);
            return true;
        });
    }

    @Override
    public List<HeldPost> pending(Collection<BoardId> boards, int offset, int limit) {
        return db.read(() -> pendingOn(boards).sorted(OLDEST_FIRST).skip(offset).limit(limit).toList());
    }

    @Override
    public int countPending(Collection<BoardId> boards) {
        return db.read(() -> (int) pendingOn(boards).count());
    }

    @Override
    public List<HeldPost> pendingInThread(ThreadId thread, MemberId author) {
        return db.read(() -> held.values().stream().filter(HeldPost::isPending).filter(h -> thread.equals(h.thread()))
                .filter(h -> author == null || h.author().equals(author)).sorted(OLDEST_FIRST).toList());
    }

    @Override
    public List<HeldPost> byAuthor(MemberId author, int limit) {
        return db.read(() -> held.values().stream().filter(h -> h.author().equals(author))
                .sorted(OLDEST_FIRST.reversed()).limit(limit).toList());
    }

    @Override
    public Set<BoardId> moderatedBoards() {
        return db.read(() -> moderated.values().isEmpty() ? Set.of()
                : moderatedKeys().map(BoardId::of).collect(Collectors.toUnmodifiableSet()));
    }

    @Override
    public void setModerated(BoardId board, boolean on) {
        db.write(() -> on ? moderated.put(board.value(), Boolean.TRUE) : moderated.remove(board.value()));
    }

    private Stream<Long> moderatedKeys() {
        return moderated.range(Long.MIN_VALUE, Long.MAX_VALUE).keySet().stream();
    }

    private Stream<HeldPost> pendingOn(Collection<BoardId> boards) {
        Set<BoardId> on = Set.copyOf(boards);
        return held.values().stream().filter(HeldPost::isPending).filter(h -> on.contains(h.board()));
    }
}
