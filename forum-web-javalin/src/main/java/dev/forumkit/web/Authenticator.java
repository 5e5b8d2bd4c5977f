package dev.forumkit.web;

import io.javalin.http.Context;

import java.util.Optional;

/**
 * The host application's way of telling the forum who is signed in. Return empty to let the forum use its own
 * session cookie (guests included).
 */
@FunctionalInterface
public interface Authenticator {
    Optional<Authentication> authenticate(Context ctx);
}
