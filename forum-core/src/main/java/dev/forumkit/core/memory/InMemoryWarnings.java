package dev.forumkit.core.memory;

import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.warning.Warning;
import dev.forumkit.core.warning.WarningId;
import dev.forumkit.core.warning.Warnings;

import java.util.Comparator;
import java.util.List;

final class InMemoryWarnings implements Warnings {
    private final Tables db;
    private final Tables.TxMap<Long, Warning> warnings;

    InMemoryWarnings(Tables db) {
        this.db = db;
        this.warnings = db.map();
    }

    @Override
    public Warning add(Warning warning) {
        return db.write(() -> {
            Warning stored = warning.withId(WarningId.of(db.nextId()));
            warnings.put(stored.id().value(), stored);
            return stored;
        });
    }

    @Override
    public List<Warning> ofMember(MemberId member) {
        return db.read(() -> warnings.values().stream().filter(w -> w.member().equals(member))
                .sorted(Comparator.comparing(Warning::issuedAt).thenComparing(w -> w.id().value()).reversed()).toList());
    }

    @Override
    public java.util.Optional<Warning> byId(WarningId id) {
        return db.read(() -> java.util.Optional.ofNullable(warnings.get(id.value())));
    }

    @Override
    public boolean revoke(WarningId id, MemberId by, java.time.Instant at) {
        return db.write(() -> {
            Warning w = warnings.get(id.value());
            if (w == null || w.isRevoked()) {
                return false;
            }
            warnings.put(id.value(), w.revoked(by, at));
            return true;
        });
    }
}
