package dev.forumkit.web.internal;

import dev.forumkit.core.apikey.ApiKey;
import dev.forumkit.core.apikey.Scope;
import dev.forumkit.web.ForumRoute;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The scope an API key needs for each API route, beside {@link RouteTable}. A route missing here is refused to every
 * key (and {@code ApiScopesTest} fails the build), so a new route is never open to keys by accident. {@code never}
 * marks routes no key may call: signing in, passwords and e-mail addresses, one's sessions and deleting one's account,
 * and making keys and webhooks, so a leaked key cannot take over or end the account, make itself more keys or point
 * deliveries elsewhere. The OpenAPI document is public and needs no key, so no key calls it either.
 */
public final class ApiScopes {
    public static final String NEVER = "never";
    private static final String TABLE = """
            GET /session never
            POST /session never
            DELETE /session never
            POST /members never
            PUT /me/password never
            PUT /me/email never
            POST /me/email-verification never
            POST /email-verifications/confirm never
            POST /password-resets never
            POST /password-resets/confirm never
            POST /me/delete never
            GET /me/sessions never
            DELETE /me/sessions/{sessionId} never
            POST /me/sessions/end-others never
            GET /openapi.json never
            GET /admin/api-keys never
            POST /admin/api-keys never
            DELETE /admin/api-keys/{keyId} never
            GET /admin/webhooks never
            POST /admin/webhooks never
            PATCH /admin/webhooks/{webhookId} never
            DELETE /admin/webhooks/{webhookId} never
            GET /admin/webhooks/{webhookId}/deliveries never
            POST /admin/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver never
            GET /me member:read
            GET /members/{memberId} member:read
            PATCH /members/{memberId} member:write
            PUT /members/{memberId}/role member:moderate
            PUT /members/{memberId}/ban member:moderate
            DELETE /members/{memberId}/ban member:moderate
            PUT /members/{memberId}/ignore member:write
            DELETE /members/{memberId}/ignore member:write
            GET /me/ignored member:read
            GET /me/profile member:read
            PUT /me/profile member:write
            GET /me/avatar member:read
            PUT /me/avatar member:write
            DELETE /me/avatar member:write
            GET /members member:read
            GET /members/online member:read
            GET /members/{memberId}/posts member:read
            GET /members/{memberId}/threads member:read
            GET /boards board:read
            GET /boards/{boardId} board:read
            GET /boards/{boardId}/live board:read
            POST /categories board:write
            POST /categories/{categoryId}/boards board:write
            PATCH /boards/{boardId} board:write
            PUT /boards/{boardId}/moderated board:write
            GET /whats-new thread:read
            GET /threads/{threadId} thread:read
            GET /threads/{threadId}/live thread:read
            POST /boards/{boardId}/threads thread:write
            POST /threads/{threadId}/lock thread:moderate
            POST /threads/{threadId}/unlock thread:moderate
            POST /threads/{threadId}/pin thread:moderate
            POST /threads/{threadId}/unpin thread:moderate
            POST /threads/{threadId}/move thread:moderate
            DELETE /threads/{threadId} thread:moderate
            POST /threads/{threadId}/restore thread:moderate
            GET /posts/{postId} post:read
            POST /threads/{threadId}/posts post:write
            PATCH /posts/{postId} post:write
            DELETE /posts/{postId} post:write
            POST /posts/{postId}/restore post:moderate
            GET /moderation/approval post:moderate
            POST /moderation/approval/{heldId}/approve post:moderate
            POST /moderation/approval/{heldId}/reject post:moderate
            GET /held/{heldId} post:read
            GET /me/held post:read
            POST /boards/{boardId}/attachments post:write
            GET /attachments/drafts post:read
            DELETE /attachments/{attachmentId} post:write
            GET /reaction-types reaction:read
            PUT /posts/{postId}/reaction reaction:write
            DELETE /posts/{postId}/reaction reaction:write
            GET /search search:read
            GET /conversations conversation:read
            POST /conversations conversation:write
            GET /conversations/unread-count conversation:read
            GET /conversations/{conversationId} conversation:read
            POST /conversations/{conversationId}/messages conversation:write
            POST /conversations/{conversationId}/invite conversation:write
            POST /conversations/{conversationId}/leave conversation:write
            GET /conversation-messages/{messageId} conversation:read
            POST /conversation-messages/{messageId}/report report:write
            PUT /conversation-messages/{messageId}/reaction reaction:write
            DELETE /conversation-messages/{messageId}/reaction reaction:write
            GET /me/conversation-blocks conversation:read
            POST /me/conversation-blocks conversation:write
            DELETE /me/conversation-blocks/{username} conversation:write
            GET /alerts alert:read
            GET /me/live alert:read
            POST /alerts/{alertId}/read alert:write
            POST /alerts/read-all alert:write
            GET /me/alert-preferences alert:read
            PUT /me/alert-preferences alert:write
            PUT /threads/{threadId}/watch watch:write
            DELETE /threads/{threadId}/watch watch:write
            PUT /boards/{boardId}/watch watch:write
            DELETE /boards/{boardId}/watch watch:write
            GET /me/watched-threads watch:read
            GET /me/watched-boards watch:read
            POST /posts/{postId}/report report:write
            POST /members/{memberId}/report report:write
            GET /reports report:read
            GET /reports/{reportId} report:read
            POST /reports/{reportId}/comments report:moderate
            POST /reports/{reportId}/resolve report:moderate
            POST /reports/{reportId}/reject report:moderate
            POST /posts/{postId}/warnings warning:write
            GET /members/{memberId}/warnings warning:read
            POST /warnings/{warningId}/revoke warning:write
            GET /admin/audit-log audit:read
            GET /admin/outbox outbox:read
            POST /admin/recount admin:write
            GET /admin/search/rebuild admin:write
            POST /admin/search/rebuild admin:write
            GET /admin/groups group:read
            POST /admin/groups group:write
            PATCH /admin/groups/{groupId} group:write
            DELETE /admin/groups/{groupId} group:write
            GET /admin/groups/{groupId}/members group:read
            GET /members/{memberId}/groups group:read
            PUT /members/{memberId}/groups group:write
            GET /admin/permissions permission:read
            PUT /admin/permissions permission:write
            GET /admin/permissions/explain permission:read
            """;
    private static final Map<String, String> BY_ROUTE = parse();
    private final String prefix;

    public ApiScopes(String apiPrefix) {
        this.prefix = apiPrefix;
    }

    /** The scope text for a route (method and path below the API prefix), {@code never}, or empty when unmapped. */
    public static Optional<String> scopeOf(String method, String path) {
        return Optional.ofNullable(BY_ROUTE.get(method + " " + path));
    }

    /** Refuses the call unless the key holds the route's scope (403 naming the scope it lacks). */
    public void require(ForumRoute route, ApiKey key) {
        String path = route.path().startsWith(prefix) ? route.path().substring(prefix.length()) : null;
        String scope = path == null ? null : BY_ROUTE.get(route.method() + " " + path);
        if (scope == null || scope.equals(NEVER)) {
            throw HttpProblem.scopeMissing(path == null ? "API keys work on the JSON API only"
                    : "no API key may call " + route.method() + " " + path);
        }
        if (!key.allows(Scope.parse(scope))) {
            throw HttpProblem.scopeMissing("this API key lacks the scope " + scope);
        }
    }

    private static Map<String, String> parse() {
        Map<String, String> map = new HashMap<>();
        for (String line : TABLE.strip().split("\n")) {
            String[] p = line.strip().split(" ");
            if (map.put(p[0] + " " + p[1], p[2]) != null) {
                throw new IllegalStateException("route twice in the scope table: " + line);
            }
            if (!p[2].equals(NEVER)) {
                Scope.parse(p[2]);
            }
        }
        return Map.copyOf(map);
    }
}
