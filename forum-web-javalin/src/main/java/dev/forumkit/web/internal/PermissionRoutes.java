package dev.forumkit.web.internal;

import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.board.CategoryId;
import dev.forumkit.core.group.GroupId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.policy.Action;
import dev.forumkit.core.policy.Decision;
import dev.forumkit.core.policy.Grant;
import dev.forumkit.core.policy.GrantValue;
import dev.forumkit.core.policy.Grid;
import dev.forumkit.core.policy.Permission;
import dev.forumkit.web.Access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The permission grid (admins): its set cells, setting and clearing one, and explaining a member's decision. */
public final class PermissionRoutes {
    private PermissionRoutes() {
    }

    /** One cell: a group or a member; forum-wide, a category or a board; value allow, deny, never or inherit. */
    record GrantRequest(Long groupId, Long memberId, Long categoryId, Long boardId, String permission, String value) {
    }

    record GrantJson(Long groupId, Long memberId, Long categoryId, Long boardId, String permission, String value) {
        static GrantJson from(Grant g) {
            return new GrantJson(g.subject().group() == null ? null : g.subject().group().value(),
                    g.subject().member() == null ? null : g.subject().member().value(),
                    g.scope().category() == null ? null : g.scope().category().value(),
                    g.scope().board() == null ? null : g.scope().board().value(), g.permission().key(), g.value().key());
        }
    }

    record TraceJson(String permission, boolean allowed, List<String> rules) {
        static TraceJson from(Grid.Trace t) {
            return new TraceJson(t.permission().key(), t.allowed(), t.rules());
        }
    }

    record DecisionJson(String action, boolean allowed, String summary, List<TraceJson> permissions, List<String> notes) {
        static DecisionJson from(Decision d) {
            return new DecisionJson(d.action().name().toLowerCase(Locale.ROOT), d.allowed(), d.summary(),
                    d.permissions().stream().map(TraceJson::from).toList(), d.notes());
        }
    }

    /** The actions an explanation covers when none is named: everything a board's grid decides. */
    public static final List<Action> BOARD_ACTIONS = List.of(Action.READ_FORUM, Action.START_THREAD, Action.REPLY,
            Action.REACT, Action.EDIT_POST, Action.DELETE_POST, Action.UPLOAD, Action.VOTE_IN_POLL, Action.LOCK_THREAD,
            Action.VIEW_DELETED);

    public static void register(RouteTable t) {
        t.get("/admin/permissions", Access.ADMIN, PermissionRoutes::list);
        t.put("/admin/permissions", Access.ADMIN, PermissionRoutes::set);
        t.get("/admin/permissions/explain", Access.ADMIN, PermissionRoutes::explain);
    }

    private static Object list(Call call) {
        List<GrantJson> grants = call.api().forum().permissions().grants(call.actor()).stream().map(GrantJson::from).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("grants", grants);
        body.put("pagination", Pagination.single(grants.size()));
        return body;
    }

    private static Object set(Call call) {
        GrantRequest in = call.body(GrantRequest.class);
        Grant.Subject subject = subject(in.groupId(), in.memberId());
        Grant.Scope scope = scope(in.categoryId(), in.boardId());
        Permission p = Permission.parse(in.permission());
        if (p == null) {
            throw HttpProblem.invalidField("permission", "unknown", "unknown permission: " + in.permission());
        }
        if (in.value() != null && in.value().strip().equalsIgnoreCase("inherit")) {
            boolean cleared = call.api().forum().permissions().clear(call.actor(), subject, scope, p);
            return Map.of("cleared", cleared);
        }
        GrantValue v = GrantValue.parse(in.value());
        if (v == null) {
            throw HttpProblem.invalidField("value", "unknown", "value must be allow, deny, never or inherit");
        }
        Grant g = call.api().forum().permissions().set(call.actor(), new Grant(subject, scope, p, v));
        return Map.of("grant", GrantJson.from(g));
    }

    private static Object explain(Call call) {
        MemberId member = optionalId(call, "member") == null ? null : MemberId.of(optionalId(call, "member"));
        BoardId board = optionalId(call, "board") == null ? null : BoardId.of(optionalId(call, "board"));
        String named = call.ctx().queryParam("action");
        List<Action> actions = named == null || named.isBlank() ? BOARD_ACTIONS : List.of(action(named));
        List<DecisionJson> out = actions.stream().map(a -> DecisionJson.from(
                call.api().forum().permissions().explainFor(call.actor(), member, a, board))).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("member_id", member == null ? null : member.value());
        body.put("board_id", board == null ? null : board.value());
        body.put("decisions", out);
        body.put("pagination", Pagination.single(out.size()));
        return body;
    }

    static Grant.Subject subject(Long group, Long member) {
        if ((group == null) == (member == null)) {
            throw HttpProblem.invalidField("group_id", "required", "name a group_id or a member_id, not both");
        }
        if ((group != null && group <= 0) || (member != null && member <= 0)) {
            throw HttpProblem.invalidField(group != null ? "group_id" : "member_id", "invalid", "ids are positive");
        }
        return group != null ? Grant.Subject.group(GroupId.of(group)) : Grant.Subject.member(MemberId.of(member));
    }

    static Grant.Scope scope(Long category, Long board) {
        if (category != null && board != null) {
            throw HttpProblem.invalidField("board_id", "conflict", "a cell is on a category or on a board, not both");
        }
        if ((category != null && category <= 0) || (board != null && board <= 0)) {
            throw HttpProblem.invalidField(board != null ? "board_id" : "category_id", "invalid", "ids are positive");
        }
        return board != null ? Grant.Scope.board(BoardId.of(board))
                : category != null ? Grant.Scope.category(CategoryId.of(category)) : Grant.Scope.GLOBAL;
    }

    static Action action(String raw) {
        try {
            return Action.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw HttpProblem.invalidField("action", "unknown", "unknown action: " + raw);
        }
    }

    /** A positive id from the query, null when absent; anything else is a field error. */
    static Long optionalId(Call call, String name) {
        String raw = call.ctx().queryParam(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            long v = Long.parseLong(raw.strip());
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        throw HttpProblem.invalidField(name, "invalid_number", name + " must be a positive id");
    }
}
