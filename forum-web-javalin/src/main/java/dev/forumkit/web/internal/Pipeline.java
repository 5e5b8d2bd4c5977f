package dev.forumkit.web.internal;

import dev.forumkit.core.policy.Standing;
import dev.forumkit.web.Access;
import dev.forumkit.web.ForumRoute;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.JavalinDefaultRoutingApi;

import java.util.concurrent.CompletionStage;

/**
 * The one way every forum request goes, API route or page: security headers, same-origin check (requests that
 * change state), viewer, CSRF token (the same), access rule, the endpoint's work, then the responder. Any failure on
 * the way is mapped by {@link ApiErrors} and handed to the same responder, so JSON and pages share the statuses.
 */
public final class Pipeline {
    private final Api api;
    private final ApiScopes scopes;
    private final HostOwned hostOwned;

    public Pipeline(Api api) {
        this.api = api;
        this.scopes = new ApiScopes(api.settings().apiPrefix());
        this.hostOwned = new HostOwned(api.settings());
    }

    public Api api() {
        return api;
    }

    /** Registers every entry of the registry with Javalin, answering through the responder. */
    public void install(JavalinDefaultRoutingApi routes, Registry registry, Responder responder) {
        for (Registry.Entry e : registry.entries()) {
            routes.addHttpHandler(HandlerType.findOrCreate(e.route().method()), e.route().path(),
                    ctx -> handle(ctx, e, responder));
        }
    }

    private void handle(Context ctx, Registry.Entry e, Responder responder) {
        ForumRoute route = e.route();
        SecurityHeaders.apply(ctx, api.settings().security());
        Viewer viewer = Viewer.guest(api.forum().clock().instant());
        try {
            String hostUrl = hostOwned.target(route);
            if (hostUrl != null) { // host identity: the host signs people in, keeps passwords and addresses
                if (hostOwned.isApi(route)) {
                    ctx.header("Location", hostUrl);
                    throw HttpProblem.hostIdentity(hostUrl);
                }
                ctx.redirect(hostUrl, io.javalin.http.HttpStatus.SEE_OTHER);
                return;
            }
            // a key is sent by its holder's code, never by a browser on its own: no cross-site request can carry it
            boolean keyed = api.sessions().forumKey(ctx) != null;
            if (route.changesState() && !keyed) {
                api.checks().sameOrigin(ctx);
            }
            viewer = api.sessions().resolve(ctx);
            if (viewer.credential() == Viewer.Credential.API_KEY) {
                scopes.require(route, viewer.apiKey());
            } else if (route.changesState()) {
                api.checks().csrf(ctx, viewer);
            }
            gate(route.access(), viewer);
            if (route.method().equals("GET")) {
                Presence.note(api, ctx, viewer);
            }
            Object out = e.endpoint().handle(new Call(ctx, viewer, api));
            if (out instanceof LiveStart stream) {
                stream.run(ctx); // an event stream answers itself, for as long as it stays open
            } else if (out instanceof CompletionStage<?> stage) {
                Viewer v = viewer;
                ctx.future(() -> stage.toCompletableFuture().handle((result, failure) -> {
                    if (failure != null) {
                        refuse(ctx, v, failure, responder);
                    } else {
                        respond(ctx, v, result, responder);
                    }
                    return null;
                }));
            } else {
                responder.respond(ctx, viewer, out);
            }
        } catch (Exception failure) {
            refuse(ctx, viewer, failure, responder);
        }
    }

    private void respond(Context ctx, Viewer viewer, Object result, Responder responder) {
        try {
            responder.respond(ctx, viewer, result);
        } catch (RuntimeException failure) {
            refuse(ctx, viewer, failure, responder);
        }
    }

    /** A failure through the one mapping, answered by the responder. */
    public void refuse(Context ctx, Viewer viewer, Throwable failure, Responder responder) {
        ApiErrors.Answer answer = ApiErrors.answer(ctx, failure);
        if (answer.retryAfterSeconds() > 0) {
            ctx.header("Retry-After", Long.toString(answer.retryAfterSeconds()));
        }
        responder.fail(ctx, viewer, answer);
    }

    static void gate(Access access, Viewer viewer) {
        if (access == Access.ANYONE) {
            return;
        }
        if (viewer.isGuest()) {
            throw HttpProblem.signInRequired();
        }
        Standing s = viewer.standing();
        if (access == Access.STAFF && !s.isStaff()) {
            throw HttpProblem.forbidden(s == Standing.BANNED ? "banned members cannot do that" : "only moderators and admins may do that");
        }
        if (access == Access.ADMIN && s != Standing.ADMIN) {
            throw HttpProblem.forbidden(s == Standing.BANNED ? "banned members cannot do that" : "only admins may do that");
        }
    }
}
