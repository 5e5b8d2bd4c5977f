package dev.forumkit.web;

/**
 * One registered route of the forum: method, full path (Javalin syntax, base path included) and its access rule.
 * Every route has exactly one rule; {@link ForumPlugin#routes()} lists them all.
 */
public record ForumRoute(String method, String path, Access access) {
    /** POST, PUT, PATCH and DELETE change state: they need a same-origin request and, with a cookie, a CSRF token. */
    public boolean changesState() {
        return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
    }
}
