package dev.forumkit.core.memory;

import dev.forumkit.core.audit.AuditEntry;
import dev.forumkit.core.audit.AuditFilter;
import dev.forumkit.core.audit.AuditLog;

import java.util.Comparator;
import java.util.List;

final class InMemoryAuditLog implements AuditLog {
    private static final Comparator<AuditEntry> NEWEST_FIRST =
            Comparator.comparing(AuditEntry::at).thenComparing(AuditEntry::id).reversed();
    private final Tables db;
    private final Tables.TxMap<Long, AuditEntry> entries;

    InMemoryAuditLog(Tables db) {
        this.db = db;
        this.entries = db.map();
    }

    @Override
    public AuditEntry append(AuditEntry entry) {
        return db.write(() -> {
            AuditEntry stored = entry.withId(db.nextId());
            entries.put(stored.id(), stored);
            return stored;
        });
    }

    @Override
    public List<AuditEntry> page(AuditFilter filter, int offset, int limit) {
        return db.read(() -> entries.values().stream().filter(filter::matches).sorted(NEWEST_FIRST)
                .skip(offset).limit(limit).toList());
    }

    @Override
    public long count(AuditFilter filter) {
        return db.read(() -> entries.values().stream().filter(filter::matches).count());
    }
}
