package dev.forumkit.web.internal.html;

import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.board.Category;
import dev.forumkit.core.board.CategoryId;
import dev.forumkit.core.group.Group;
import dev.forumkit.core.group.GroupId;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.policy.Action;
import dev.forumkit.core.policy.Decision;
import dev.forumkit.core.policy.Grant;
import dev.forumkit.core.policy.GrantValue;
import dev.forumkit.core.policy.Permission;
import dev.forumkit.web.Access;
import dev.forumkit.web.internal.Call;
import dev.forumkit.web.internal.PermissionRoutes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Admin pages for the permission grid: one row of cells (a group or a member, on the whole forum, a category or a
 * board) to set, and the explanation of every board action for any member and board.
 */
final class PermissionPages {
    private PermissionPages() {
    }

    static void register(PageTable t) {
        t.get("/admin/permissions", Access.ADMIN, PermissionPages::grid);
        t.post("/admin/permissions", Access.ADMIN, PermissionPages::save);
        t.get("/admin/permissions/explain", Access.ADMIN, PermissionPages::explain);
    }

    private record Row(Grant.Subject subject, String subjectLabel, String subjectValue, Grant.Scope scope, String scopeValue) {
    }

    /** The row named by {@code subject} ("group:2", "member:name") and {@code scope}; members group, forum-wide if absent. */
    private static Row row(Call call, String subject, String scope) {
        String s = subject == null || subject.isBlank() ? "group:" + GroupId.MEMBERS.value() : subject.strip();
        Grant.Subject subj;
        String label;
        if (s.startsWith("member:")) {
            String name = s.substring("member:".length()).strip();
            Member m = call.api().forum().members().byUsername(name).orElseThrow(
                    () -> InvalidInputException.of("subject", "unknown", "there is no member named " + name));
            subj = Grant.Subject.member(m.id());
            label = "member " + m.username();
            s = "member:" + m.username();
        } else {
            Long id = Params.number(s.startsWith("group:") ? s.substring("group:".length()) : s);
            if (id == null || id <= 0) {
                throw InvalidInputException.of("subject", "unknown", "choose a group or a member");
            }
            Group g = call.api().forum().groups().group(GroupId.of(id));
            subj = Grant.Subject.group(g.id());
            label = "group " + g.name();
            s = "group:" + g.id().value();
        }
        String sc = scope == null || scope.isBlank() ? "forum" : scope.strip();
        Grant.Scope where;
        if (sc.startsWith("board:")) {
            Long id = Params.number(sc.substring(6));
            where = Grant.Scope.board(BoardId.of(id == null || id <= 0 ? 1 : id));
        } else if (sc.startsWith("category:")) {
            Long id = Params.number(sc.substring(9));
            where = Grant.Scope.category(CategoryId.of(id == null || id <= 0 ? 1 : id));
        } else {
            where = Grant.Scope.GLOBAL;
            sc = "forum";
        }
        return new Row(subj, label, s, where, sc);
    }

    private static Object grid(Call call) {
        Row r = row(call, call.ctx().queryParam("subject"), call.ctx().queryParam("scope"));
        return gridPage(call, r, Form.empty(), null);
    }

    private static View gridPage(Call call, Row r, Form form, String saved) {
        Map<Permission, GrantValue> set = call.api().forum().permissions().grants(call.actor()).stream()
                .filter(g -> g.subject().equals(r.subject()) && g.scope().equals(r.scope()))
                .collect(Collectors.toMap(Grant::permission, Grant::value));
        List<GridCell> cells = new ArrayList<>();
        for (Permission p : Permission.values()) {
            cells.add(new GridCell(p, Optional.ofNullable(set.get(p)).map(GrantValue::key).orElse("inherit")));
        }
        List<ScopeOption> scopes = new ArrayList<>();
        scopes.add(new ScopeOption("forum", new Text("admin.scope.forum")));
        for (Category c : call.api().forum().boards().categories()) {
            scopes.add(new ScopeOption("category:" + c.id().value(), new Text("admin.scope.category", c.title())));
        }
        for (Board b : call.api().forum().boards().boards()) {
            scopes.add(new ScopeOption("board:" + b.id().value(), new Text("admin.scope.board", b.title())));
        }
        Links links = ReadPages.links(call);
        return View.of("admin/permissions", new Text("admin.permissions")).noindex().crumb(new Text("nav.forums"), links.home()).crumb(new Text("nav.admin"), links.admin(""))
                .with("groups", call.api().forum().groups().all()).with("scopes", scopes)
                .with("subject", r.subjectValue()).with("subjectLabel", r.subjectLabel()).with("scope", r.scopeValue())
                .with("cells", cells).with("form", form).with("saved", saved);
    }

    private static Object save(Call call) {
        List<String> fields = new ArrayList<>(List.of("subject", "scope"));
        for (Permission p : Permission.values()) {
            fields.add("cell_" + p.key());
        }
        Form form = Form.from(call.ctx(), fields.toArray(String[]::new));
        Row r = row(call, form.get("subject"), form.get("scope"));
        try {
            Map<Permission, GrantValue> cells = new java.util.EnumMap<>(Permission.class);
            for (Permission p : Permission.values()) {
                String v = form.get("cell_" + p.key());
                if (v != null && !v.isBlank() && !v.equals("inherit")) {
                    GrantValue value = GrantValue.parse(v);
                    if (value == null) {
                        throw InvalidInputException.of("cell_" + p.key(), "unknown", "choose inherit, allow, deny or never");
                    }
                    cells.put(p, value);
                }
            }
            // one transaction for the row: a refused or failed save changes no cell
            call.api().forum().permissions().setRow(call.actor(), r.subject(), r.scope(), cells);
            return Redirect.seeOther(ReadPages.links(call).admin("permissions") + "?subject=" + url(r.subjectValue())
                    + "&scope=" + url(r.scopeValue()));
        } catch (RuntimeException e) {
            return PostingPages.problem(e, form, gridPage(call, r, form, null), fields.toArray(String[]::new));
        }
    }

    private static Object explain(Call call) {
        String rawMember = call.ctx().queryParam("member");
        String rawBoard = call.ctx().queryParam("board");
        Member member = null;
        if (rawMember != null && !rawMember.isBlank()) {
            String m = rawMember.strip();
            Long id = Params.number(m);
            member = (id != null && id > 0 ? call.api().forum().members().byId(dev.forumkit.core.member.MemberId.of(id))
                    : call.api().forum().members().byUsername(m))
                    .orElseThrow(() -> new dev.forumkit.core.NotFoundException("there is no member " + m));
        }
        Long boardId = rawBoard == null || rawBoard.isBlank() ? null : Params.number(rawBoard.strip());
        if (rawBoard != null && !rawBoard.isBlank() && (boardId == null || boardId <= 0)) {
            throw new dev.forumkit.core.NotFoundException("there is no board " + rawBoard);
        }
        BoardId board = boardId == null ? null : BoardId.of(boardId);
        List<ExplainRow> rows = new ArrayList<>();
        for (Action a : PermissionRoutes.BOARD_ACTIONS) {
            Decision d = call.api().forum().permissions().explainFor(call.actor(), member == null ? null : member.id(), a, board);
            rows.add(new ExplainRow(a.name().toLowerCase(Locale.ROOT).replace('_', ' '), d));
        }
        Links links = ReadPages.links(call);
        return View.of("admin/explain", new Text("admin.explain")).noindex().crumb(new Text("nav.forums"), links.home())
                .crumb(new Text("nav.admin"), links.admin("")).crumb(new Text("admin.permissions"), links.admin("permissions"))
                .with("member", member == null ? "" : member.username()).with("board", board)
                .with("boards", call.api().forum().boards().boards()).with("rows", rows);
    }

    private static String url(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
