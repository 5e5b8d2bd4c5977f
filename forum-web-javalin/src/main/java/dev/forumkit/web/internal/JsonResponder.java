package dev.forumkit.web.internal;

import io.javalin.http.Context;

/** API answers: the body as JSON (200), a {@link Reply} with its status, null as 204; errors as {@code {"errors":[...]}}. */
final class JsonResponder implements Responder {
    @Override
    public void respond(Context ctx, Viewer viewer, Object result) {
        ctx.header("Cache-Control", "no-store");
        if (result == null) {
            Json.write(ctx, 204, null);
        } else if (result instanceof Reply r) {
            Json.write(ctx, r.status(), r.body());
        } else {
            Json.write(ctx, 200, result);
        }
    }

    @Override
    public void fail(Context ctx, Viewer viewer, ApiErrors.Answer answer) {
        ctx.header("Cache-Control", "no-store");
        ApiErrors.write(ctx, answer);
    }
}
