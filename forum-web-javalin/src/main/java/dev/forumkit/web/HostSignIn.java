package dev.forumkit.web;

import io.javalin.http.Context;

import java.util.Optional;

/**
 * The host application's answer to "who is signed in on this request?" in host identity mode (see
 * {@link HostIdentity}): its user, or empty for nobody, in which case the forum shows a guest.
 */
@FunctionalInterface
public interface HostSignIn {
    Optional<HostUser> signedIn(Context ctx);
}
