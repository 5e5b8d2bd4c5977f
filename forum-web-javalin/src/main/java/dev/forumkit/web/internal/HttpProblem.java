package dev.forumkit.web.internal;

/**
 * A failure that belongs to HTTP rather than to the forum (bad JSON, a body too large, a missing CSRF token,
 * a rate limit). Core's own failures stay {@code ForumException}s; {@link ApiErrors} maps both.
 */
public final class HttpProblem extends RuntimeException {
    private final int status;
    private final String code;
    private final String field;
    private final long retryAfterSeconds;

    private HttpProblem(int status, String code, String message, String field, long retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static HttpProblem malformedJson(String message) {
        return new HttpProblem(400, "malformed_json", message, null, 0);
    }

    public static HttpProblem badRequest(String code, String message) {
        return new HttpProblem(400, code, message, null, 0);
    }

    public static HttpProblem invalidCredentials() {
        return new HttpProblem(401, "invalid_credentials", "wrong username or password", null, 0);
    }

    public static HttpProblem signInRequired() {
        return new HttpProblem(401, "sign_in_required", "you must sign in to do that", null, 0);
    }

    /** A presented API key that is unknown, expired or revoked ({@code code} says which), or one that may not act as asked. */
    public static HttpProblem apiKey(String code, String message) {
        return new HttpProblem(code.equals("act_as_refused") ? 403 : 401, code, message, null, 0);
    }

    public static HttpProblem scopeMissing(String message) {
        return new HttpProblem(403, "scope_missing", message, null, 0);
    }

    public static HttpProblem forbidden(String message) {
        return new HttpProblem(403, "not_allowed", message, null, 0);
    }

    public static HttpProblem csrf(String message) {
        return new HttpProblem(403, "csrf_failed", message, null, 0);
    }

    public static HttpProblem crossOrigin() {
        return new HttpProblem(403, "cross_origin", "cross-site requests may not change anything here", null, 0);
    }

    public static HttpProblem notFound(String message) {
        return new HttpProblem(404, "not_found", message, null, 0);
    }

    public static HttpProblem routeNotFound(String method, String path) {
        return new HttpProblem(404, "route_not_found", "no API route " + method + " " + path, null, 0);
    }

    public static HttpProblem methodNotAllowed(String method) {
        return new HttpProblem(405, "method_not_allowed", method + " is not allowed on this route", null, 0);
    }

    public static HttpProblem bodyTooLarge(long limit) {
        return new HttpProblem(413, "body_too_large", "the request body is larger than " + limit + " bytes", null, 0);
    }

    public static HttpProblem unsupportedMediaType() {
        return new HttpProblem(415, "unsupported_media_type", "send the body as application/json", null, 0);
    }

    public static HttpProblem invalidField(String field, String code, String message) {
        return new HttpProblem(422, code, message, field, 0);
    }

    public static HttpProblem rateLimited(long retryAfterSeconds) {
        return new HttpProblem(429, "rate_limited", "too many attempts; try again in " + retryAfterSeconds + " s",
                null, retryAfterSeconds);
    }

    /** Host identity mode: this is done on the host application, at {@code url}. */
    public static HttpProblem hostIdentity(String url) {
        return new HttpProblem(409, "host_identity", "sign-in, passwords and e-mail addresses are managed by the host"
                + " application: " + url, null, 0);
    }

    /** A route that only answers in a form the request does not accept (an event stream asked for as JSON). */
    public static HttpProblem notAcceptable(String message) {
        return new HttpProblem(406, "not_acceptable", message, null, 0);
    }

    /**
     * No place for another live-update stream on this node (full, or busy with page views): the page works without
     * one, and its script tries again after the Retry-After seconds.
     */
    public static HttpProblem liveFull() {
        return new HttpProblem(503, "busy", "no live updates from this server right now; try again later", null, 30);
    }

    public static HttpProblem busy() {
        return new HttpProblem(503, "busy", "the server is busy; try again shortly", null, 2);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    /** Seconds for the {@code Retry-After} header, or 0 for none. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
