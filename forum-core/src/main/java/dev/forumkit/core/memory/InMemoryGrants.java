package dev.forumkit.core.memory;

import dev.forumkit.core.policy.Grant;
import dev.forumkit.core.policy.Grants;
import dev.forumkit.core.policy.Permission;

import java.util.List;

final class InMemoryGrants implements Grants {
    private final Tables db;
    private final Tables.TxMap<String, Grant> cells;
    private final Tables.TxMap<Long, Long> versions;

    InMemoryGrants(Tables db) {
        this.db = db;
        this.cells = db.map();
        this.versions = db.map();
    }

    private static String key(Grant.Subject subject, Grant.Scope scope, Permission p) {
        return subject + "|" + scope + "|" + p;
    }

    @Override
    public void put(Grant grant) {
        db.run(() -> cells.put(key(grant.subject(), grant.scope(), grant.permission()), grant));
    }

    @Override
    public boolean remove(Grant.Subject subject, Grant.Scope scope, Permission permission) {
        return db.write(() -> cells.remove(key(subject, scope, permission)) != null);
    }

    @Override
    public int removeAll(Grant.Subject subject) {
        return db.write(() -> {
            List<Grant> of = cells.values().stream().filter(g -> g.subject().equals(subject)).toList();
            of.forEach(g -> cells.remove(key(g.subject(), g.scope(), g.permission())));
            return of.size();
        });
    }

    @Override
    public long version() {
        return db.read(() -> versions.get(0L) == null ? 0L : versions.get(0L));
    }

    @Override
    public void bump() {
        db.run(() -> versions.put(0L, (versions.get(0L) == null ? 0 : versions.get(0L)) + 1));
    }

    @Override
    public List<Grant> all() {
        return db.read(() -> List.copyOf(cells.values()));
    }
}
