package dev.forumkit.core.memory;

import dev.forumkit.core.ConflictException;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.member.BoardCounts;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberCounts;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.member.Members;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

final class InMemoryMembers implements Members {
    private final Tables db;
    private final Tables.TxMap<Long, Member> rows;
    private final Tables.TxMap<String, Long> byName;
    private final Tables.TxMap<String, Long> byEmail;
    private final Tables.TxMap<BoardKey, BoardCounts> byBoard;

    /** A member's row of counters on a board, ordered by member then board (a member's rows are one range). */
    private record BoardKey(long member, long board) implements Comparable<BoardKey> {
        @Override
        public int compareTo(BoardKey o) {
            int c = Long.compare(member, o.member);
            return c != 0 ? c : Long.compare(board, o.board);
        }
    }

    InMemoryMembers(Tables db) {
        this.db = db;
        this.rows = db.map();
        this.byName = db.map();
        this.byEmail = db.map();
        this.byBoard = db.map();
    }

    @Override
    public Member add(Member member) {
        return db.write(() -> {
            String name = Member.usernameKey(member.username());
            if (byName.get(name) != null) {
                throw new ConflictException("username is taken: " + member.username());
            }
            if (byEmail.get(member.email()) != null) {
                throw new ConflictException("e-mail is already registered");
            }
            Member stored = member.withId(MemberId.of(db.nextId()));
            rows.put(stored.id().value(), stored);
            byName.put(name, stored.id().value());
            byEmail.put(stored.email(), stored.id().value());
            return stored;
        });
    }

    @Override
    public Optional<Member> byId(MemberId id) {
        return db.read(() -> Optional.ofNullable(rows.get(id.value())));
    }

    @Override
    public Map<MemberId, Member> byIds(Collection<MemberId> ids) {
        return db.read(() -> {
            Map<MemberId, Member> out = new HashMap<>();
            for (MemberId id : ids) {
                Member m = rows.get(id.value());
                if (m != null) {
                    out.put(id, m);
                }
            }
            return out;
        });
    }

    @Override
    public Optional<Member> byUsername(String username) {
        return db.read(() -> Optional.ofNullable(byName.get(Member.usernameKey(username))).map(rows::get));
    }

    @Override
    public Optional<Member> byEmail(String normalisedEmail) {
        return db.read(() -> Optional.ofNullable(byEmail.get(Member.normaliseEmail(normalisedEmail))).map(rows::get));
    }

    @Override
    public void update(Member member) {
        db.run(() -> {
            Member old = existing(member.id());
            String oldName = Member.usernameKey(old.username());
            String newName = Member.usernameKey(member.username());
            if (!oldName.equals(newName)) {
                if (byName.get(newName) != null) {
                    throw new ConflictException("username is taken: " + member.username());
                }
                byName.remove(oldName);
                byName.put(newName, member.id().value());
            }
            if (!old.email().equals(member.email())) {
                if (byEmail.get(member.email()) != null) {
                    throw new ConflictException("e-mail is already registered");
                }
                byEmail.remove(old.email());
                byEmail.put(member.email(), member.id().value());
            }
            rows.put(member.id().value(), member.withCounters(old.messageCount(), old.reactionScore()));
        });
    }

    @Override
    public void addCounters(MemberId id, int messageDelta, long reactionScoreDelta) {
        db.run(() -> {
            Member m = existing(id);
            rows.put(id.value(), m.withCounters(m.messageCount() + messageDelta, m.reactionScore() + reactionScoreDelta));
        });
    }

    @Override
    public void setCounters(MemberId id, int messageCount, long reactionScore) {
        db.run(() -> rows.put(id.value(), existing(id).withCounters(messageCount, reactionScore)));
    }

    @Override
    public void addCounters(MemberId id, BoardId board, int messageDelta, long reactionScoreDelta) {
        db.run(() -> {
            addCounters(id, messageDelta, reactionScoreDelta);
            BoardKey key = new BoardKey(id.value(), board.value());
            BoardCounts old = byBoard.get(key);
            BoardCounts now = new BoardCounts(id, board, (old == null ? 0 : old.messageCount()) + messageDelta,
                    (old == null ? 0 : old.reactionScore()) + reactionScoreDelta);
            byBoard.put(key, now);
        });
    }

    @Override
    public Map<MemberId, MemberCounts> countsOn(Collection<MemberId> ids, Set<BoardId> boards) {
        if (ids.isEmpty() || boards.isEmpty()) {
            return new HashMap<>();
        }
        return db.read(() -> {
            Map<MemberId, MemberCounts> out = new HashMap<>();
            for (MemberId id : new java.util.HashSet<>(ids)) {
                int messages = 0;
                long score = 0;
                boolean any = false;
                for (BoardCounts c : byBoard.range(new BoardKey(id.value(), Long.MIN_VALUE),
                        new BoardKey(id.value(), Long.MAX_VALUE)).values()) {
                    if (boards.contains(c.board())) {
                        messages += c.messageCount();
                        score += c.reactionScore();
                        any = true;
                    }
                }
                if (any) {
                    out.put(id, new MemberCounts(messages, score));
                }
            }
            return out;
        });
    }

    @Override
    public void setBoardCounts(BoardCounts counts) {
        db.run(() -> {
            BoardKey key = new BoardKey(counts.member().value(), counts.board().value());
            if (counts.isZero()) {
                byBoard.remove(key);
            } else {
                byBoard.put(key, counts);
            }
        });
    }

    @Override
    public void forEachBoardCounts(Consumer<BoardCounts> action) {
        db.read(() -> byBoard.values().stream().filter(c -> !c.isZero()).toList()).forEach(action);
    }

    @Override
    public long count() {
        return db.read(rows::size);
    }

    @Override
    public List<Member> page(dev.forumkit.core.member.MemberSort sort, int offset, int limit) {
        return db.read(() -> rows.values().stream().filter(m -> !m.isDeleted())
                .sorted(order(sort).thenComparingLong(m -> m.id().value())).skip(offset).limit(limit).toList());
    }

    private static java.util.Comparator<Member> order(dev.forumkit.core.member.MemberSort sort) {
        return switch (sort) {
            case NAME -> java.util.Comparator.comparing(m -> Member.usernameKey(m.username()));
            case JOINED -> java.util.Comparator.comparing(Member::joinedAt).reversed();
            case MESSAGES -> java.util.Comparator.comparingInt(Member::messageCount).reversed();
            case REACTION_SCORE -> java.util.Comparator.comparingLong(Member::reactionScore).reversed();
        };
    }

    @Override
    public List<Member> page(dev.forumkit.core.member.MemberSort sort, Set<BoardId> leftOut, int offset, int limit) {
        if (leftOut.isEmpty()) {
            return page(sort, offset, limit);
        }
        return db.read(() -> {
            List<Member> listed = rows.values().stream().filter(m -> !m.isDeleted()).toList();
            Map<MemberId, MemberCounts> out = countsOn(listed.stream().map(Member::id).toList(), leftOut);
            List<Member> seen = listed.stream().map(m -> {
                MemberCounts c = out.getOrDefault(m.id(), MemberCounts.ZERO);
                return m.withCounters(m.messageCount() - c.messageCount(), m.reactionScore() - c.reactionScore());
            }).toList();
            return seen.stream().sorted(order(sort).thenComparingLong(m -> m.id().value())).skip(offset).limit(limit).toList();
        });
    }

    @Override
    public long countListed() {
        return db.read(() -> rows.values().stream().filter(m -> !m.isDeleted()).count());
    }

    @Override
    public boolean hasAdmin() {
        return db.read(() -> rows.values().stream().anyMatch(m -> m.role() == dev.forumkit.core.member.Role.ADMIN));
    }

    @Override
    public List<MemberId> withRole(dev.forumkit.core.member.Role role, int limit) {
        return db.read(() -> rows.values().stream().filter(m -> m.role() == role).map(Member::id)
                .sorted(java.util.Comparator.comparingLong(MemberId::value)).limit(limit).toList());
    }

    @Override
    public void forEach(Consumer<Member> action) {
        db.read(() -> List.copyOf(rows.values())).forEach(action);
    }

    private Member existing(MemberId id) {
        Member m = rows.get(id.value());
        if (m == null) {
            throw new dev.forumkit.core.NotFoundException("no member " + id);
        }
        return m;
    }
}
