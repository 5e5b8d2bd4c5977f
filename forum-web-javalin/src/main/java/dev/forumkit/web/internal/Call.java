package dev.forumkit.web.internal;

import dev.forumkit.core.Actor;
import dev.forumkit.core.policy.Standing;
import io.javalin.http.Context;

/** One request as a route sees it: the Javalin context, the viewer and the plugin's services. */
public final class Call {
    private final Context ctx;
    private final Viewer viewer;
    private final Api api;

    Call(Context ctx, Viewer viewer, Api api) {
        this.ctx = ctx;
        this.viewer = viewer;
        this.api = api;
    }

    public Context ctx() {
        return ctx;
    }

    public Viewer viewer() {
        return viewer;
    }

    public Api api() {
        return api;
    }

    public Actor actor() {
        return viewer.actor();
    }

    public Standing standing() {
        return viewer.standing();
    }

    /** May the viewer take the action on the board, with the grid's permissions there (not only the role's)? */
    public boolean allows(dev.forumkit.core.policy.Action action, dev.forumkit.core.board.BoardId board) {
        var forum = api.forum();
        return forum.policy().allows(forum.permissions().permissions(actor(), board), action,
                dev.forumkit.core.policy.Target.board(board));
    }

    /** Refuses as the policy would (sign in for guests, 403 for members) unless the viewer may act on the board. */
    public void check(dev.forumkit.core.policy.Action action, dev.forumkit.core.board.BoardId board) {
        var forum = api.forum();
        forum.policy().check(forum.permissions().permissions(actor(), board), action,
                dev.forumkit.core.policy.Target.board(board));
    }

    public <T> T body(Class<T> type) {
        return Json.read(ctx, type, api.settings().limits().bodyBytes());
    }

    public <T> T optionalBody(Class<T> type, T fallback) {
        return Json.readOptional(ctx, type, api.settings().limits().bodyBytes(), fallback);
    }

    /** A positive numeric id from the path; anything else names nothing, so 404. */
    public long id(String param) {
        String raw = ctx.pathParam(param);
        try {
            long id = Long.parseLong(raw);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // falls through to not found
        }
        throw HttpProblem.notFound("no such " + param.replace("Id", ""));
    }

    /** The {@code page} query parameter, 1 when absent; core rejects pages below 1. */
    public int page() {
        String raw = ctx.queryParam("page");
        if (raw == null || raw.isBlank()) {
            return 1;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw HttpProblem.invalidField("page", "invalid_number", "page must be a whole number");
        }
    }
}
