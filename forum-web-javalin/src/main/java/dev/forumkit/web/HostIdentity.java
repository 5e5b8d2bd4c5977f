package dev.forumkit.web;

import java.util.Objects;

/**
 * Host identity mode: the host application signs people in and the forum has no sign-in of its own. On every request
 * the forum asks {@code signIn} who is signed in and provisions that user as a member
 * ({@code forum.members().provision(...)}); when it answers empty the request is a guest's, at once (there is no forum
 * session that could outlive the host's). The forum's sign-in, registration, sign-out, password and e-mail pages
 * redirect to the host's URLs and their API routes answer 409 {@code host_identity}; the header links there too.
 *
 * @param signInUrl  where people sign in (and register) on the host
 * @param signOutUrl where they sign out
 * @param accountUrl where they change password, e-mail address and name
 * @param signIn     the host's answer to who is signed in
 */
public record HostIdentity(String signInUrl, String signOutUrl, String accountUrl, HostSignIn signIn) {
    public HostIdentity {
        signInUrl = url(signInUrl, "signInUrl");
        signOutUrl = url(signOutUrl, "signOutUrl");
        accountUrl = url(accountUrl, "accountUrl");
        Objects.requireNonNull(signIn, "signIn");
    }

    private static String url(String value, String name) {
        String url = Objects.requireNonNull(value, name).strip();
        boolean local = url.startsWith("/") && !url.startsWith("//");
        boolean absolute = url.startsWith("https://") || url.startsWith("http://");
        if (!(local || absolute) || url.chars().anyMatch(c -> c < 0x21 || c == 0x7f || c == '"' || c == '<' || c == '>')) {
            throw new IllegalArgumentException(name + " must be a path on this host (/...) or an http(s) URL: " + value);
        }
        return url;
    }
}
