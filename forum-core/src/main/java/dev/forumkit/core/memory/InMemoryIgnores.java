package dev.forumkit.core.memory;

import dev.forumkit.core.alert.Ignores;
import dev.forumkit.core.member.MemberId;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

final class InMemoryIgnores implements Ignores {
    /** (member, ignored member). */
    record Key(long member, long target) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Long.compare(member, o.member);
            return c != 0 ? c : Long.compare(target, o.target);
        }
    }

    private final Tables db;
    private final Tables.TxMap<Key, Boolean> pairs;

    InMemoryIgnores(Tables db) {
        this.db = db;
        this.pairs = db.map();
    }

    @Override
    public void add(MemberId member, MemberId ignored) {
        db.run(() -> pairs.put(new Key(member.value(), ignored.value()), Boolean.TRUE));
    }

    @Override
    public boolean remove(MemberId member, MemberId ignored) {
        return db.write(() -> pairs.remove(new Key(member.value(), ignored.value())) != null);
    }

    @Override
    public List<MemberId> ignoredBy(MemberId member) {
        return db.read(() -> pairs.range(new Key(member.value(), Long.MIN_VALUE),
                        new Key(member.value(), Long.MAX_VALUE))
                .keySet().stream().map(k -> MemberId.of(k.target())).toList());
    }

    @Override
    public Set<MemberId> ignorersOf(MemberId ignored) {
        return db.read(() -> pairs.range(new Key(Long.MIN_VALUE, Long.MIN_VALUE),
                        new Key(Long.MAX_VALUE, Long.MAX_VALUE)).keySet().stream()
                .filter(k -> k.target() == ignored.value()).map(k -> MemberId.of(k.member())).collect(Collectors.toSet()));
    }

    /** Whom the member ignores and who ignores them, for erasing a deleted account; runs inside a write. */
    void removeMember(MemberId member) {
        long m = member.value();
        java.util.List.copyOf(pairs.range(new Key(m, Long.MIN_VALUE), new Key(m, Long.MAX_VALUE)).keySet()).forEach(pairs::remove);
        pairs.range(new Key(Long.MIN_VALUE, Long.MIN_VALUE), new Key(Long.MAX_VALUE, Long.MAX_VALUE)).keySet().stream()
                .filter(k -> k.target() == m).toList().forEach(pairs::remove);
    }
}
