package dev.forumkit.web.internal.html;

import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.group.Group;
import dev.forumkit.core.group.GroupId;
import dev.forumkit.core.group.MemberGroups;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.web.Access;
import dev.forumkit.web.internal.Call;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Admin pages for user groups: list and create, rename and give a banner, remove, add and remove members. */
final class GroupPages {
    private GroupPages() {
    }

    static void register(PageTable t) {
        t.get("/admin/groups", Access.ADMIN, call -> groups(call, Form.empty()));
        t.post("/admin/groups", Access.ADMIN, GroupPages::create);
        t.get("/admin/groups/{groupId}", Access.ADMIN, call -> group(call, Form.empty()));
        t.post("/admin/groups/{groupId}", Access.ADMIN, GroupPages::update);
        t.post("/admin/groups/{groupId}/delete", Access.ADMIN, GroupPages::remove);
        t.post("/admin/groups/{groupId}/members", Access.ADMIN, GroupPages::addMember);
        t.post("/admin/groups/{groupId}/members/{memberId}/remove", Access.ADMIN, GroupPages::removeMember);
    }

    private static View page(Call call, String template, Text title) {
        Links links = ReadPages.links(call);
        return View.of(template, title).noindex().crumb(new Text("nav.forums"), links.home()).crumb(new Text("nav.admin"), links.admin(""));
    }

    private static View groups(Call call, Form form) {
        return page(call, "admin/groups", new Text("admin.groups")).with("groups", call.api().forum().groups().all()).with("form", form);
    }

    private static Object create(Call call) {
        Form form = Form.from(call.ctx(), "name", "title", "display_order");
        try {
            Long order = Params.number(form.get("display_order"));
            Group g = call.api().forum().groups().create(call.actor(), form.get("name"), form.get("title"),
                    order == null ? 0 : order.intValue());
            return Redirect.seeOther(ReadPages.links(call).admin("groups/" + g.id().value()));
        } catch (RuntimeException e) {
            return PostingPages.problem(e, form, groups(call, form), "name", "title", "display_order");
        }
    }

    private static Group find(Call call) {
        return call.api().forum().groups().group(GroupId.of(Params.id(call, "groupId")));
    }

    private static View group(Call call, Form form) {
        Group g = find(call);
        List<MemberId> ids = call.api().forum().groups().members(g.id(), 500);
        List<GroupMemberRow> members = ids.stream().map(id -> call.api().forum().members().byId(id).orElse(null))
                .filter(m -> m != null)
                .map(m -> new GroupMemberRow(m, g.id().equals(call.api().forum().groups().of(m.id()).primary()))).toList();
        if (!form.has("name")) {
            form = form.set("name", g.name()).set("title", g.title()).set("display_order", Integer.toString(g.displayOrder()));
        }
        return page(call, "admin/group", new Text("admin.group.title", g.name())).crumb(new Text("admin.groups"), ReadPages.links(call).admin("groups"))
                .with("group", g).with("members", members).with("form", form);
    }

    private static Object update(Call call) {
        Group g = find(call);
        Form form = Form.from(call.ctx(), "name", "title", "display_order");
        try {
            Long order = Params.number(form.get("display_order"));
            call.api().forum().groups().update(call.actor(), g.id(), form.get("name"), form.get("title"),
                    order == null ? g.displayOrder() : order.intValue());
            return Redirect.seeOther(ReadPages.links(call).admin("groups/" + g.id().value()));
        } catch (RuntimeException e) {
            return PostingPages.problem(e, form, group(call, form), "name", "title", "display_order");
        }
    }

    private static Object remove(Call call) {
        Group g = find(call);
        try {
            call.api().forum().groups().remove(call.actor(), g.id());
            return Redirect.seeOther(ReadPages.links(call).admin("groups"));
        } catch (RuntimeException e) {
            return PostingPages.problem(e, Form.empty(), group(call, Form.empty()));
        }
    }

    private static Object addMember(Call call) {
        Group g = find(call);
        Form form = Form.from(call.ctx(), "username", "as");
        try {
            String name = form.get("username") == null ? "" : form.get("username").strip();
            Member m = call.api().forum().members().byUsername(name).orElseThrow(
                    () -> InvalidInputException.of("username", "unknown", "there is no member named " + name));
            MemberGroups now = call.api().forum().groups().of(m.id());
            Set<GroupId> secondary = new HashSet<>(now.secondary());
            GroupId primary = now.primary();
            if ("primary".equals(form.get("as"))) {
                if (primary != null) {
                    secondary.add(primary); // the old primary group stays one of theirs
                }
                primary = g.id();
                secondary.remove(g.id());
            } else if (!g.id().equals(primary)) {
                secondary.add(g.id());
            }
            call.api().forum().groups().place(call.actor(), m.id(), primary, secondary);
            return Redirect.seeOther(ReadPages.links(call).admin("groups/" + g.id().value()));
        } catch (RuntimeException e) {
            return PostingPages.problem(e, form, group(call, form), "username", "as");
        }
    }

    private static Object removeMember(Call call) {
        Group g = find(call);
        MemberId id = MemberId.of(Params.id(call, "memberId"));
        call.api().forum().members().byId(id).orElseThrow(() -> new NotFoundException("no member " + id));
        MemberGroups now = call.api().forum().groups().of(id);
        Set<GroupId> secondary = new HashSet<>(now.secondary());
        secondary.remove(g.id());
        call.api().forum().groups().place(call.actor(), id, g.id().equals(now.primary()) ? null : now.primary(), secondary);
        return Redirect.seeOther(ReadPages.links(call).admin("groups/" + g.id().value()));
    }
}
