package dev.forumkit.web.internal;

import dev.forumkit.web.ForumRoute;
import dev.forumkit.web.HostIdentity;

import java.util.HashMap;
import java.util.Map;

/**
 * In host identity mode, the forum's routes and pages that the host's own pages replace (sign-in, registration,
 * sign-out, password and e-mail), and the host URL each leads to. Pages redirect there; API routes answer 409
 * {@code host_identity} naming it. Empty without host identity.
 */
final class HostOwned {
    private final Map<String, String> targets = new HashMap<>();
    private final String apiPrefix;

    HostOwned(PluginSettings settings) {
        this.apiPrefix = settings.apiPrefix();
        HostIdentity host = settings.hostIdentity();
        if (host == null) {
            return;
        }
        String api = settings.apiPrefix();
        String pages = settings.basePath();
        add("POST", api + "/session", host.signInUrl());
        add("DELETE", api + "/session", host.signOutUrl());
        add("POST", api + "/members", host.signInUrl());
        add("PUT", api + "/me/password", host.accountUrl());
        add("PUT", api + "/me/email", host.accountUrl());
        add("POST", api + "/me/email-verification", host.accountUrl());
        add("POST", api + "/email-verifications/confirm", host.accountUrl());
        add("POST", api + "/password-resets", host.accountUrl());
        add("POST", api + "/password-resets/confirm", host.accountUrl());
        for (String method : new String[] {"GET", "POST"}) {
            add(method, pages + "/login", host.signInUrl());
            add(method, pages + "/register", host.signInUrl());
            add(method, pages + "/logout", host.signOutUrl());
            for (String page : new String[] {"/forgot-password", "/reset-password", "/account/password", "/account/email",
                    "/account/verify-email", "/verify-email"}) {
                add(method, pages + page, host.accountUrl());
            }
        }
    }

    private void add(String method, String path, String url) {
        targets.put(method + " " + path, url);
    }

    /** The host URL that replaces this route, or null when the forum serves it. */
    String target(ForumRoute route) {
        return targets.isEmpty() ? null : targets.get(route.method() + " " + route.path());
    }

    boolean isApi(ForumRoute route) {
        return route.path().startsWith(apiPrefix + "/");
    }
}
