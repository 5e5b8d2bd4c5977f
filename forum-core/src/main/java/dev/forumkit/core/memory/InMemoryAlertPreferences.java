package dev.forumkit.core.memory;

import dev.forumkit.core.alert.AlertPreferences;
import dev.forumkit.core.alert.Preferences;
import dev.forumkit.core.member.MemberId;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

final class InMemoryAlertPreferences implements AlertPreferences {
    private final Tables db;
    private final Tables.TxMap<Long, Preferences> rows;

    InMemoryAlertPreferences(Tables db) {
        this.db = db;
        this.rows = db.map();
    }

    @Override
    public Optional<Preferences> byMember(MemberId member) {
        return db.read(() -> Optional.ofNullable(rows.get(member.value())));
    }

    @Override
    public Map<MemberId, Preferences> byMembers(Collection<MemberId> members) {
        return db.read(() -> {
            Map<MemberId, Preferences> out = new HashMap<>();
            for (MemberId m : members) {
                Preferences p = rows.get(m.value());
                if (p != null) {
                    out.put(m, p);
                }
            }
            return out;
        });
    }

    @Override
    public void put(Preferences preferences) {
        db.run(() -> rows.put(preferences.member().value(), preferences));
    }

    /** The member's preferences, for erasing a deleted account; runs inside a write. */
    void removeMember(MemberId member) {
        rows.remove(member.value());
    }
}
