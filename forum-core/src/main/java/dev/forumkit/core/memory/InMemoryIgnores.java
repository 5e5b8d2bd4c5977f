package dev.forumkit.core.memory;

import dev.forumkit.core.alert.Ignores;
import dev.forumkit.core.member.MemberId;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

final class InMemoryIgnores implements Ignores {
    private final Tables db;
    /** (member, ignored) pairs. */
    private final Tables.TxMap<InMemoryWatches.Key, Boolean> pairs;

    InMemoryIgnores(Tables db) {
        this.db = db;
        this.pairs = db.map();
    }

    @Override
    public void add(MemberId member, MemberId ignored) {
        db.run(() -> pairs.put(new InMemoryWatches.Key(member.value(), ignored.value()), Boolean.TRUE));
    }

    @Override
    public boolean remove(MemberId member, MemberId ignored) {
        return db.write(() -> pairs.remove(new InMemoryWatches.Key(member.value(), ignored.value())) != null);
    }

    @Override
    public List<MemberId> ignoredBy(MemberId member) {
        return db.read(() -> pairs.range(new InMemoryWatches.Key(member.value(), Long.MIN_VALUE),
                        new InMemoryWatches.Key(member.value(), Long.MAX_VALUE))
                .keySet().stream().map(k -> MemberId.of(k.target())).toList());
    }

    @Override
    public Set<MemberId> ignorersOf(MemberId ignored) {
        return db.read(() -> pairs.range(new InMemoryWatches.Key(Long.MIN_VALUE, Long.MIN_VALUE),
                        new InMemoryWatches.Key(Long.MAX_VALUE, Long.MAX_VALUE)).keySet().stream()
                .filter(k -> k.target() == ignored.value()).map(k -> MemberId.of(k.member())).collect(Collectors.toSet()));
    }
}
