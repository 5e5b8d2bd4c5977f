package dev.forumkit.web.internal;

import io.javalin.http.Context;
import io.javalin.http.sse.SseHandler;

/**
 * An endpoint's answer "stream this": the {@link Pipeline} hands the request to Javalin's SSE support instead of a
 * responder. The slot was reserved when this was made; the hub gives it back when the stream closes.
 */
record LiveStart(LiveHub hub, LiveStream stream) {
    void run(Context ctx) {
        try {
            new SseHandler(client -> hub.attach(client, stream)).handle(ctx);
        } catch (Exception e) {
            hub.release();
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }
}
