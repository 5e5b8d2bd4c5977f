package dev.forumkit.core.policy;

import dev.forumkit.core.audit.AuditAction;
import dev.forumkit.core.audit.AuditTarget;

import dev.forumkit.core.Actor;
import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.internal.ServiceContext;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberId;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The permission grid for admins (set and clear cells, explain any member's decision) and the visibility question
 * for everyone: {@link #canSee} and {@link #hiddenBoards} are what lists, search and alerts ask.
 */
public final class PermissionService {
    private final ServiceContext ctx;

    public PermissionService(ServiceContext ctx) {
        this.ctx = ctx;
    }

    /** Every set cell of the grid (admins). */
    public List<Grant> grants(Actor actor) {
        return ctx.storage.transactions().readOnly(() -> {
            admin(actor);
            return ctx.storage.grants().all();
        });
    }

    /** Sets one cell; the subject (group or member) and the scope (category or board) must exist. */
    public Grant set(Actor actor, Grant grant) {
        return ctx.command(events -> {
            Member me = admin(actor);
            exists(grant.subject(), grant.scope());
            GrantValue before = cell(grant.subject(), grant.scope(), grant.permission());
            ctx.storage.grants().put(grant);
            if (before != grant.value()) {
                audit(me, AuditAction.PERMISSION_SET, grant.subject(), grant.scope(),
                        cellText(grant.subject(), grant.permission(), before), cellText(grant.subject(), grant.permission(), grant.value()));
            }
            ctx.permissionsChanged();
            return grant;
        });
    }

    /**
     * Sets a whole row of cells (one subject on one scope) in one transaction: a permission mapped to null, or left
     * out, is cleared and inherits.
     */
    public void setRow(Actor actor, Grant.Subject subject, Grant.Scope scope, java.util.Map<Permission, GrantValue> cells) {
        ctx.command(events -> {
            Member me = admin(actor);
            exists(subject, scope);
            StringBuilder before = new StringBuilder();
            StringBuilder after = new StringBuilder();
            java.util.Map<Permission, GrantValue> row = row(subject, scope);
            for (Permission p : Permission.values()) {
                GrantValue was = row.get(p);
                if (was != cells.get(p)) {
                    before.append(before.isEmpty() ? "" : "; ").append(cellText(subject, p, was));
                    after.append(after.isEmpty() ? "" : "; ").append(cellText(subject, p, cells.get(p)));
                }
            }
            if (!after.isEmpty()) {
                audit(me, AuditAction.PERMISSION_SET, subject, scope, before.toString(), after.toString());
            }
            for (Permission p : Permission.values()) {
                GrantValue v = cells.get(p);
                if (v == null) {
                    ctx.storage.grants().remove(subject, scope, p);
                } else {
                    ctx.storage.grants().put(new Grant(subject, scope, p, v));
                }
            }
            ctx.permissionsChanged();
            return null;
        });
    }

    /** Clears one cell, which then inherits; false if it was not set. */
    public boolean clear(Actor actor, Grant.Subject subject, Grant.Scope scope, Permission permission) {
        return ctx.command(events -> {
            Member me = admin(actor);
            GrantValue before = cell(subject, scope, permission);
            boolean removed = ctx.storage.grants().remove(subject, scope, permission);
            if (removed) {
                audit(me, AuditAction.PERMISSION_CLEAR, subject, scope, cellText(subject, permission, before),
                        cellText(subject, permission, null));
            }
            ctx.permissionsChanged();
            return removed;
        });
    }

    /** The decision for the actor and its rules: {@code forum.policy().explain} for a signed-in caller about themself. */
    public Decision explain(Actor actor, Action action, Target target) {
        return ctx.policy.explain(actor, action, target);
    }

    /** An admin asks why a member (null: a guest) may or may not do something on a board (null: forum-wide). */
    public Decision explainFor(Actor admin, MemberId member, Action action, BoardId board) {
        ctx.storage.transactions().readOnly(() -> {
            admin(admin);
            if (member != null) {
                ctx.storage.members().byId(member).orElseThrow(() -> new NotFoundException("no member " + member));
            }
            if (board != null) {
                ctx.storage.boards().byId(board).orElseThrow(() -> new NotFoundException("no board " + board));
            }
            return null;
        });
        return ctx.policy.explain(member == null ? Actor.guest() : Actor.member(member), action,
                board == null ? Target.NONE : Target.board(board));
    }

    /** May the actor see the board at all (in lists, counts, search hits, alerts)? */
    public boolean canSee(Actor actor, BoardId board) {
        return ctx.storage.transactions().readOnly(() -> ctx.policy.canSee(ctx.viewer(actor), ctx.now(), board));
    }

    /** The boards the actor may not see; filter anything board-bound through it. Empty for most actors. */
    public Set<BoardId> hiddenBoards(Actor actor) {
        return ctx.storage.transactions().readOnly(() -> ctx.hiddenBoards(ctx.viewer(actor)));
    }

    /** The boards the actor may see. */
    public Set<BoardId> visibleBoards(Actor actor) {
        return ctx.storage.transactions().readOnly(() -> {
            Set<BoardId> hidden = ctx.hiddenBoards(ctx.viewer(actor));
            return ctx.storage.boards().all().stream().map(Board::id).filter(b -> !hidden.contains(b))
                    .collect(Collectors.toSet());
        });
    }

    /** What the grid grants the actor on a board (null: forum-wide), for viewer flags. */
    public Permissions permissions(Actor actor, BoardId board) {
        return ctx.storage.transactions().readOnly(() -> ctx.permissions(ctx.viewer(actor), board));
    }

    private void exists(Grant.Subject subject, Grant.Scope scope) {
        if (subject.group() != null && ctx.storage.groups().byId(subject.group()).isEmpty()) {
            throw InvalidInputException.of("group", "unknown", "there is no group " + subject.group());
        }
        if (subject.member() != null && ctx.storage.members().byId(subject.member()).isEmpty()) {
            throw InvalidInputException.of("member", "unknown", "there is no member " + subject.member());
        }
        if (scope.board() != null && ctx.storage.boards().byId(scope.board()).isEmpty()) {
            throw InvalidInputException.of("board", "unknown", "there is no board " + scope.board());
        }
        if (scope.category() != null && ctx.storage.categories().byId(scope.category()).isEmpty()) {
            throw InvalidInputException.of("category", "unknown", "there is no category " + scope.category());
        }
    }

    private Member admin(Actor actor) {
        Member me = ctx.requireMember(actor);
        ctx.policy.check(ctx.standing(me), Action.MANAGE_PERMISSIONS, Target.NONE);
        return me;
    }

    /** The value a cell holds now; null when it is not set (it inherits). */
    private GrantValue cell(Grant.Subject subject, Grant.Scope scope, Permission permission) {
        return row(subject, scope).get(permission);
    }

    /** The set cells of one subject on one scope, read once. */
    private java.util.Map<Permission, GrantValue> row(Grant.Subject subject, Grant.Scope scope) {
        java.util.Map<Permission, GrantValue> row = new java.util.EnumMap<>(Permission.class);
        for (Grant g : ctx.storage.grants().all()) {
            if (g.subject().equals(subject) && g.scope().equals(scope)) {
                row.put(g.permission(), g.value());
            }
        }
        return row;
    }

    private static String cellText(Grant.Subject subject, Permission permission, GrantValue value) {
        String who = subject.group() != null ? "group " + subject.group().value() : "member " + subject.member().value();
        return who + " " + permission.label() + ": " + (value == null ? "inherit" : value.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** Grid changes are audited against their scope: a board, a category, or the whole forum. */
    private void audit(Member me, AuditAction action, Grant.Subject subject, Grant.Scope scope, String before, String after) {
        AuditTarget target = scope.board() != null ? AuditTarget.board(scope.board())
                : scope.category() != null ? AuditTarget.category(scope.category()) : AuditTarget.FORUM;
        ctx.audit.record(me.id(), action, target, before, after, null);
    }
}
