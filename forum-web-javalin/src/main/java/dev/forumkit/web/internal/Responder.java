package dev.forumkit.web.internal;

import io.javalin.http.Context;

/**
 * How the {@link Pipeline} answers: as JSON for the API, as pages for the HTML forum. It only shapes the answer;
 * the status of a failure comes from {@link ApiErrors}, the one mapping, before the responder is called.
 */
public interface Responder {
    /** The endpoint's result (after any asynchronous work) as a response. */
    void respond(Context ctx, Viewer viewer, Object result);

    /** A failure, already mapped to its status and errors (the Retry-After header is set). */
    void fail(Context ctx, Viewer viewer, ApiErrors.Answer answer);
}
