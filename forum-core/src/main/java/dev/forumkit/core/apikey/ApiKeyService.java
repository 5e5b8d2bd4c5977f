package dev.forumkit.core.apikey;

import dev.forumkit.core.Actor;
import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.Validation;
import dev.forumkit.core.audit.AuditAction;
import dev.forumkit.core.audit.AuditTarget;
import dev.forumkit.core.internal.ServiceContext;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.policy.Action;
import dev.forumkit.core.policy.Target;
import dev.forumkit.core.session.SessionTokens;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * API keys: admins make, list and revoke them; adapters {@link #check} a presented secret on each call. A check
 * reads one row; it writes the last-used time at most once a minute per key, so a busy key does not put a commit on
 * every call.
 */
public final class ApiKeyService {
    /** Every secret starts so, which lets secret scanners and people recognise a leaked one. */
    public static final String SECRET_PREFIX = "fk_";
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final int MAX_SCOPES = 64;
    private final ServiceContext ctx;

    public ApiKeyService(ServiceContext ctx) {
        this.ctx = ctx;
    }

    /** Makes a key (admins); the secret in the answer is never shown again. */
    public NewApiKey create(Actor actor, ApiKeyRequest request) {
        ApiKeyKind kind = ApiKeyKind.byCode(request.kind());
        Set<Scope> scopes = new LinkedHashSet<>();
        Validation v = Validation.start().length(request.name(), "name", 1, ApiKey.MAX_NAME)
                .noControlCharacters(request.name(), "name")
                .require(kind != null, "kind", "invalid_kind", "kind must be guest, member or service")
                .require(!request.scopes().isEmpty(), "scopes", "required", "a key needs at least one scope")
                .require(request.scopes().size() <= MAX_SCOPES, "scopes", "too_many", "at most " + MAX_SCOPES + " scopes");
        for (String s : request.scopes()) {
            try {
                scopes.add(Scope.parse(s));
            } catch (IllegalArgumentException e) {
                v.require(false, "scopes", "invalid_scope", "not a scope (resource:action): " + s);
            }
        }
        v.require(kind != ApiKeyKind.MEMBER || request.member() != null, "member_id", "required",
                        "a member key names the member it acts as")
                .require(kind == ApiKeyKind.MEMBER || kind == null || request.member() == null, "member_id",
                        "not_allowed", "only member keys name a member")
                .require(request.expiresAt() == null || request.expiresAt().isAfter(ctx.now()), "expires_at",
                        "in_the_past", "the expiry must lie in the future")
                .orThrow();
        String secret = SECRET_PREFIX + SessionTokens.newToken();
        Instant now = ctx.now();
        ApiKey key = ctx.command(events -> {
            Member me = requireAdmin(actor);
            if (request.member() != null && ctx.storage.members().byId(request.member()).isEmpty()) {
                throw new NotFoundException("no member " + request.member());
            }
            ApiKey stored = ctx.storage.apiKeys().add(new ApiKey(null, request.name().strip(), kind, scopes,
                    request.member(), SessionTokens.hash(secret), secret.substring(0, SECRET_PREFIX.length() + 6),
                    me.id(), now, request.expiresAt(), null, null));
            ctx.audit.record(me.id(), AuditAction.API_KEY_CREATE, AuditTarget.apiKey(stored.id().value()), null,
                    describe(stored), null);
            return stored;
        });
        return new NewApiKey(key, secret);
    }

    /** Every key, newest first, revoked ones too (admins). */
    public List<ApiKey> list(Actor actor) {
        return ctx.storage.transactions().readOnly(() -> {
            requireAdmin(actor);
            return ctx.storage.apiKeys().all();
        });
    }

    /** Revokes a key at once (admins); revoking a revoked key changes nothing. */
    public ApiKey revoke(Actor actor, ApiKeyId id) {
        Instant now = ctx.now();
        return ctx.command(events -> {
            Member me = requireAdmin(actor);
            ApiKey key = ctx.storage.apiKeys().byId(id).orElseThrow(() -> new NotFoundException("no API key " + id));
            if (ctx.storage.apiKeys().revoke(id, now)) {
                ctx.audit.record(me.id(), AuditAction.API_KEY_REVOKE, AuditTarget.apiKey(id.value()), describe(key),
                        "revoked", null);
            }
            return ctx.storage.apiKeys().byId(id).orElseThrow();
        });
    }

    /**
     * Whom a call presenting {@code secret} acts as. {@code actAs} (a username, or null) is honoured for service keys
     * only, and each call that names one is recorded in the audit log with {@code call} (e.g. the method and path),
     * whatever the call then does: the log shows what a service key was used for.
     */
    public ApiKeyCheck check(String secret, String actAs, String call) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)
                || !SessionTokens.wellFormed(secret.substring(SECRET_PREFIX.length()))) {
            return new ApiKeyCheck.Refused("invalid_api_key", "the API key is not valid");
        }
        String hash = SessionTokens.hash(secret);
        Instant now = ctx.now();
        Optional<ApiKey> found = ctx.storage.transactions().readOnly(() -> ctx.storage.apiKeys().bySecretHash(hash));
        if (found.isEmpty()) {
            return new ApiKeyCheck.Refused("invalid_api_key", "the API key is not valid");
        }
        ApiKey key = found.get();
        if (key.revoked()) {
            return new ApiKeyCheck.Refused("api_key_revoked", "the API key was revoked");
        }
        if (key.expiredAt(now)) {
            return new ApiKeyCheck.Refused("api_key_expired", "the API key expired at " + key.expiresAt());
        }
        boolean naming = actAs != null && !actAs.isBlank();
        if (naming && key.kind() != ApiKeyKind.SERVICE) {
            return new ApiKeyCheck.Refused("act_as_refused", "only service keys may act as another member");
        }
        boolean touch = key.lastUsedAt() == null || !now.isBefore(key.lastUsedAt().plus(TOUCH_EVERY));
        java.util.function.Supplier<Member> work = () -> {
            if (touch) {
                ctx.storage.apiKeys().touch(key.id(), now);
            }
            if (key.kind() == ApiKeyKind.MEMBER) {
                return ctx.storage.members().byId(key.member()).orElse(null);
            }
            if (!naming) {
                return null;
            }
            Member m = ctx.storage.members().byUsername(actAs.strip()).orElse(null);
            if (m != null) {
                ctx.audit.record(m.id(), AuditAction.API_KEY_ACT_AS, AuditTarget.apiKey(key.id().value()), null,
                        call, "service key " + key.name());
            }
            return m;
        };
        // a write transaction only when something is written: most calls of a busy key only read
        Member member = touch || naming ? ctx.storage.transactions().inTransaction(work)
                : ctx.storage.transactions().readOnly(work);
        if (member == null && (naming || key.kind() == ApiKeyKind.MEMBER)) {
            return new ApiKeyCheck.Refused("act_as_refused", naming ? "no member named " + actAs.strip()
                    : "the member this key acts as no longer exists");
        }
        return new ApiKeyCheck.Accepted(key, member);
    }

    private Member requireAdmin(Actor actor) {
        Member me = ctx.requireMember(actor);
        ctx.policy.check(ctx.standing(me), Action.MANAGE_INTEGRATIONS, Target.NONE);
        return me;
    }

    private static String describe(ApiKey k) {
        return k.name() + " (" + k.kind().code() + (k.member() == null ? "" : " as member " + k.member()) + "; "
                + String.join(" ", k.scopes().stream().map(Scope::toString).sorted().toList()) + ")";
    }
}
