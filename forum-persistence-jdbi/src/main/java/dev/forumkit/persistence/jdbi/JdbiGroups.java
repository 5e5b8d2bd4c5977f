package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.group.Group;
import dev.forumkit.core.group.GroupId;
import dev.forumkit.core.group.Groups;
import dev.forumkit.core.group.MemberGroups;
import dev.forumkit.core.member.MemberId;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

final class JdbiGroups implements Groups {
    private static final String SELECT = "SELECT id, name, title, display_order FROM user_groups";
    private static final RowMapper<Group> MAPPER = (rs, ctx) -> new Group(GroupId.of(rs.getLong("id")),
            rs.getString("name"), rs.getString("title"), rs.getInt("display_order"));
    private final JdbiTransactions db;

    JdbiGroups(JdbiTransactions db) {
        this.db = db;
    }

    @Override
    public Group add(Group group) {
        String sql = db.dialect().returning(
                "INSERT INTO user_groups (name, title, display_order) VALUES (:name, :title, :order)", "id");
        long id = db.with(h -> h.createQuery(sql).bind("name", group.name()).bind("title", group.title())
                .bind("order", group.displayOrder()).mapTo(Long.class).one());
        return group.withId(GroupId.of(id));
    }

    @Override
    public void update(Group group) {
        int n = db.with(h -> h.createUpdate("UPDATE user_groups SET name = :name, title = :title, display_order = :order"
                        + " WHERE id = :id")
                .bind("name", group.name()).bind("title", group.title()).bind("order", group.displayOrder())
                .bind("id", group.id().value()).execute());
        if (n == 0) {
            throw new NotFoundException("no group " + group.id());
        }
    }

    @Override
    public boolean remove(GroupId id) {
        if (id.isBuiltIn()) {
            throw new IllegalArgumentException("built-in groups cannot be removed");
        }
        return db.with(h -> {
            h.createUpdate("DELETE FROM group_members WHERE group_id = :id").bind("id", id.value()).execute();
            return h.createUpdate("DELETE FROM user_groups WHERE id = :id").bind("id", id.value()).execute() > 0;
        });
    }

    @Override
    public Optional<Group> byId(GroupId id) {
        return db.with(h -> h.createQuery(SELECT + " WHERE id = :id").bind("id", id.value()).map(MAPPER).findOne());
    }

    @Override
    public List<Group> all() {
        return db.with(h -> h.createQuery(SELECT + " ORDER BY CASE WHEN id < " + GroupId.FIRST_CUSTOM
                + " THEN 0 ELSE 1 END, display_order, id").map(MAPPER).list());
    }

    @Override
    public MemberGroups of(MemberId member) {
        return of(List.of(member)).getOrDefault(member, MemberGroups.none(member));
    }

    @Override
    public Map<MemberId, MemberGroups> of(Collection<MemberId> members) {
        if (members.isEmpty()) {
            return Map.of();
        }
        Map<MemberId, GroupId> primary = new HashMap<>();
        Map<MemberId, Set<GroupId>> secondary = new HashMap<>();
        List<Long> ids = members.stream().map(MemberId::value).distinct().toList();
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            db.use(h -> h.createQuery("SELECT member_id, group_id, is_primary FROM group_members WHERE member_id IN (<ids>)")
                    .bindList("ids", chunk).map((rs, ctx) -> {
                        MemberId m = MemberId.of(rs.getLong("member_id"));
                        GroupId g = GroupId.of(rs.getLong("group_id"));
                        if (rs.getBoolean("is_primary")) {
                            primary.put(m, g);
                        } else {
                            secondary.computeIfAbsent(m, x -> new HashSet<>()).add(g);
                        }
                        return m;
                    }).list());
        }
        Map<MemberId, MemberGroups> out = new HashMap<>();
        Set<MemberId> found = new HashSet<>(primary.keySet());
        found.addAll(secondary.keySet());
        for (MemberId m : found) {
            out.put(m, new MemberGroups(m, primary.get(m), secondary.getOrDefault(m, Set.of())));
        }
        return out;
    }

    @Override
    public void put(MemberGroups groups) {
        List<GroupId> all = new ArrayList<>(groups.secondary());
        if (groups.primary() != null) {
            all.add(groups.primary());
        }
        db.use(h -> {
            for (GroupId g : all) {
                boolean exists = h.createQuery("SELECT COUNT(*) FROM user_groups WHERE id = :id").bind("id", g.value())
                        .mapTo(Integer.class).one() > 0;
                if (!exists) {
                    throw new NotFoundException("no group " + g);
                }
            }
            h.createUpdate("DELETE FROM group_members WHERE member_id = :m").bind("m", groups.member().value()).execute();
            for (GroupId g : all) {
                h.createUpdate("INSERT INTO group_members (member_id, group_id, is_primary) VALUES (:m, :g, :p)")
                        .bind("m", groups.member().value()).bind("g", g.value()).bind("p", g.equals(groups.primary()))
                        .execute();
            }
        });
    }

    @Override
    public List<MemberId> members(GroupId group, int limit) {
        return db.with(h -> h.createQuery("SELECT member_id FROM group_members WHERE group_id = :g ORDER BY member_id"
                        + " LIMIT :limit")
                .bind("g", group.value()).bind("limit", limit).map((rs, ctx) -> MemberId.of(rs.getLong(1))).list());
    }
}
