package dev.forumkit.web.internal;

import dev.forumkit.core.apikey.ApiKey;
import dev.forumkit.core.apikey.ApiKeyId;
import dev.forumkit.core.apikey.ApiKeyRequest;
import dev.forumkit.core.apikey.NewApiKey;
import dev.forumkit.core.apikey.Scope;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.web.Access;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** API keys (admins): make one (its secret is in that answer only), list them, revoke one. */
public final class ApiKeyRoutes {
    private ApiKeyRoutes() {
    }

    record KeyRequest(String name, String kind, List<String> scopes, Long memberId, Instant expiresAt) {
    }

    record KeyJson(long id, String name, String kind, List<String> scopes, Long memberId, String hint, long createdBy,
                   Instant createdAt, Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {
        static KeyJson from(ApiKey k) {
            return new KeyJson(k.id().value(), k.name(), k.kind().code(),
                    k.scopes().stream().map(Scope::toString).sorted().toList(),
                    k.member() == null ? null : k.member().value(), k.hint(), k.createdBy().value(), k.createdAt(),
                    k.expiresAt(), k.lastUsedAt(), k.revokedAt());
        }
    }

    public static void register(RouteTable t) {
        t.get("/admin/api-keys", Access.ADMIN, ApiKeyRoutes::list);
        t.post("/admin/api-keys", Access.ADMIN, ApiKeyRoutes::create);
        t.delete("/admin/api-keys/{keyId}", Access.ADMIN, ApiKeyRoutes::revoke);
    }

    private static Object list(Call call) {
        List<KeyJson> keys = call.api().forum().apiKeys().list(call.actor()).stream().map(KeyJson::from).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("api_keys", keys);
        body.put("pagination", Pagination.single(keys.size()));
        return body;
    }

    private static Object create(Call call) {
        KeyRequest in = call.body(KeyRequest.class);
        NewApiKey made = call.api().forum().apiKeys().create(call.actor(), new ApiKeyRequest(in.name(), in.kind(),
                in.scopes(), in.memberId() == null || in.memberId() <= 0 ? null : MemberId.of(in.memberId()),
                in.expiresAt()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("api_key", KeyJson.from(made.key()));
        body.put("secret", made.secret());
        return Reply.created(body);
    }

    private static Object revoke(Call call) {
        ApiKey k = call.api().forum().apiKeys().revoke(call.actor(), ApiKeyId.of(call.id("keyId")));
        return Map.of("api_key", KeyJson.from(k));
    }
}
