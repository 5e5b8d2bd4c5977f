package dev.forumkit.core.memory;

import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.group.Group;
import dev.forumkit.core.group.GroupId;
import dev.forumkit.core.group.Groups;
import dev.forumkit.core.group.MemberGroups;
import dev.forumkit.core.member.MemberId;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

final class InMemoryGroups implements Groups {
    private final Tables db;
    private final Tables.TxMap<Long, Group> groups;
    private final Tables.TxMap<Long, MemberGroups> memberships;
    private final AtomicLong ids = new AtomicLong(GroupId.FIRST_CUSTOM - 1);

    InMemoryGroups(Tables db) {
        this.db = db;
        this.groups = db.map();
        this.memberships = db.map();
        db.run(() -> Group.builtIns().forEach(g -> groups.put(g.id().value(), g)));
    }

    @Override
    public Group add(Group group) {
        return db.write(() -> {
            Group stored = group.withId(GroupId.of(ids.incrementAndGet()));
            groups.put(stored.id().value(), stored);
            return stored;
        });
    }

    @Override
    public void update(Group group) {
        db.run(() -> {
            if (groups.get(group.id().value()) == null) {
                throw new NotFoundException("no group " + group.id());
            }
            groups.put(group.id().value(), group);
        });
    }

    @Override
    public boolean remove(GroupId id) {
        if (id.isBuiltIn()) {
            throw new IllegalArgumentException("built-in groups cannot be removed");
        }
        return db.write(() -> {
            if (groups.remove(id.value()) == null) {
                return false;
            }
            for (MemberGroups mg : List.copyOf(memberships.values())) {
                if (id.equals(mg.primary()) || mg.secondary().contains(id)) {
                    MemberGroups left = new MemberGroups(mg.member(), id.equals(mg.primary()) ? null : mg.primary(),
                            mg.secondary().stream().filter(g -> !g.equals(id)).collect(java.util.stream.Collectors.toSet()));
                    putRow(left);
                }
            }
            return true;
        });
    }

    @Override
    public Optional<Group> byId(GroupId id) {
        return db.read(() -> Optional.ofNullable(groups.get(id.value())));
    }

    @Override
    public List<Group> all() {
        return db.read(() -> groups.values().stream().sorted(Comparator.comparing((Group g) -> !g.id().isBuiltIn())
                .thenComparingInt(Group::displayOrder).thenComparingLong(g -> g.id().value())).toList());
    }

    @Override
    public MemberGroups of(MemberId member) {
        return db.read(() -> Optional.ofNullable(memberships.get(member.value())).orElse(MemberGroups.none(member)));
    }

    @Override
    public Map<MemberId, MemberGroups> of(Collection<MemberId> members) {
        return db.read(() -> {
            Map<MemberId, MemberGroups> out = new HashMap<>();
            for (MemberId m : members) {
                MemberGroups mg = memberships.get(m.value());
                if (mg != null) {
                    out.put(m, mg);
                }
            }
            return out;
        });
    }

    @Override
    public void put(MemberGroups mg) {
        db.run(() -> {
            if (mg.primary() != null && groups.get(mg.primary().value()) == null) {
                throw new NotFoundException("no group " + mg.primary());
            }
            for (GroupId g : mg.secondary()) {
                if (groups.get(g.value()) == null) {
                    throw new NotFoundException("no group " + g);
                }
            }
            putRow(mg);
        });
    }

    private void putRow(MemberGroups mg) {
        if (mg.isEmpty()) {
            memberships.remove(mg.member().value());
        } else {
            memberships.put(mg.member().value(), mg);
        }
    }

    @Override
    public List<MemberId> members(GroupId group, int limit) {
        return db.read(() -> memberships.values().stream()
                .filter(mg -> group.equals(mg.primary()) || mg.secondary().contains(group))
                .map(MemberGroups::member).limit(limit).toList());
    }
}
