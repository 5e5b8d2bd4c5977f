package dev.forumkit.web.internal;

import dev.forumkit.core.group.Group;
import dev.forumkit.core.group.GroupId;
import dev.forumkit.core.group.MemberGroups;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.web.Access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** User groups and members' places in them (admins). */
public final class GroupRoutes {
    private GroupRoutes() {
    }

    record GroupRequest(String name, String title, Integer displayOrder) {
    }

    record GroupJson(long id, String name, String title, int displayOrder, boolean isBuiltIn) {
        static GroupJson from(Group g) {
            return new GroupJson(g.id().value(), g.name(), g.title(), g.displayOrder(), g.id().isBuiltIn());
        }
    }

    record PlacementRequest(Long primary, List<Long> secondary) {
    }

    record PlacementJson(long memberId, Long primary, List<Long> secondary) {
        static PlacementJson from(MemberGroups g) {
            return new PlacementJson(g.member().value(), g.primary() == null ? null : g.primary().value(),
                    g.secondary().stream().map(GroupId::value).sorted().toList());
        }
    }

    public static void register(RouteTable t) {
        t.get("/admin/groups", Access.ADMIN, GroupRoutes::list);
        t.post("/admin/groups", Access.ADMIN, GroupRoutes::create);
        t.patch("/admin/groups/{groupId}", Access.ADMIN, GroupRoutes::update);
        t.delete("/admin/groups/{groupId}", Access.ADMIN, GroupRoutes::remove);
        t.get("/admin/groups/{groupId}/members", Access.ADMIN, GroupRoutes::members);
        t.get("/members/{memberId}/groups", Access.ADMIN, GroupRoutes::placement);
        t.put("/members/{memberId}/groups", Access.ADMIN, GroupRoutes::place);
    }

    private static Object list(Call call) {
        List<GroupJson> groups = call.api().forum().groups().all().stream().map(GroupJson::from).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("groups", groups);
        body.put("pagination", Pagination.single(groups.size()));
        return body;
    }

    private static Object create(Call call) {
        GroupRequest in = call.body(GroupRequest.class);
        Group g = call.api().forum().groups().create(call.actor(), in.name(), in.title(),
                in.displayOrder() == null ? 0 : in.displayOrder());
        return Reply.created(Map.of("group", GroupJson.from(g)));
    }

    private static Object update(Call call) {
        GroupId id = GroupId.of(call.id("groupId"));
        GroupRequest in = call.body(GroupRequest.class);
        Group now = call.api().forum().groups().group(id);
        Group g = call.api().forum().groups().update(call.actor(), id, in.name() == null ? now.name() : in.name(),
                in.title() == null ? now.title() : in.title(),
                in.displayOrder() == null ? now.displayOrder() : in.displayOrder());
        return Map.of("group", GroupJson.from(g));
    }

    private static Object remove(Call call) {
        call.api().forum().groups().remove(call.actor(), GroupId.of(call.id("groupId")));
        return Reply.noContent();
    }

    private static Object members(Call call) {
        GroupId id = GroupId.of(call.id("groupId"));
        call.api().forum().groups().group(id); // 404 for an unknown group
        List<Long> ids = call.api().forum().groups().members(id, 1000).stream().map(MemberId::value).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("member_ids", ids);
        body.put("pagination", Pagination.single(ids.size()));
        return body;
    }

    private static Object placement(Call call) {
        MemberId id = MemberId.of(call.id("memberId"));
        call.api().forum().members().byId(id).orElseThrow(() -> HttpProblem.notFound("no such member"));
        return Map.of("groups", PlacementJson.from(call.api().forum().groups().of(id)));
    }

    private static Object place(Call call) {
        MemberId id = MemberId.of(call.id("memberId"));
        PlacementRequest in = call.body(PlacementRequest.class);
        Set<GroupId> secondary = in.secondary() == null ? Set.of()
                : in.secondary().stream().map(GroupRoutes::groupId).collect(Collectors.toSet());
        MemberGroups placed = call.api().forum().groups().place(call.actor(), id,
                in.primary() == null ? null : groupId(in.primary()), secondary);
        return Map.of("groups", PlacementJson.from(placed));
    }

    private static GroupId groupId(Long raw) {
        if (raw == null || raw <= 0) {
            throw HttpProblem.invalidField("groups", "unknown", "there is no group " + raw);
        }
        return GroupId.of(raw);
    }
}
