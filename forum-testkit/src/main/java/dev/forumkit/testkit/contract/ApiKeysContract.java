package dev.forumkit.testkit.contract;

import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.NotAllowedException;
import dev.forumkit.core.apikey.ApiKey;
import dev.forumkit.core.apikey.ApiKeyCheck;
import dev.forumkit.core.apikey.ApiKeyKind;
import dev.forumkit.core.apikey.ApiKeyRequest;
import dev.forumkit.core.apikey.NewApiKey;
import dev.forumkit.core.apikey.Scope;
import dev.forumkit.core.audit.AuditAction;
import dev.forumkit.core.audit.AuditFilter;
import dev.forumkit.core.audit.AuditLine;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.session.SessionTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.forumkit.testkit.ForumFixture.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * API keys through the service on the storage under test: the secret is stored hashed and shown once, expiry and
 * revocation refuse the key, the last-used time is written at most once a minute, and a service key acting as a member
 * leaves an audit entry.
 */
public abstract class ApiKeysContract extends ContractBase {

    private NewApiKey make(String kind, Member member, String... scopes) {
        return forum.apiKeys().create(actor(fx().admin()), new ApiKeyRequest("bot " + kind, kind, List.of(scopes),
                member == null ? null : member.id(), null));
    }

    @Test
    void aKeyIsStoredHashedAndItsSecretChecksOut() {
        Member ann = fx().member("ann");
        NewApiKey made = make("member", ann, "thread:read", "post:write");

        assertThat(made.secret()).startsWith("fk_");
        ApiKey stored = forum.apiKeys().list(actor(fx().admin())).get(0);
        assertThat(stored.secretHash()).isEqualTo(SessionTokens.hash(made.secret())).doesNotContain(made.secret());
        assertThat(stored.scopes()).containsExactlyInAnyOrder(Scope.parse("thread:read"), Scope.parse("post:write"));
        assertThat(stored.kind()).isEqualTo(ApiKeyKind.MEMBER);
        assertThat(stored.member()).isEqualTo(ann.id());
        assertThat(stored.hint()).isEqualTo(made.secret().substring(0, 9));
        assertThat(read(() -> storage.apiKeys().bySecretHash(stored.secretHash()))).contains(stored);

        ApiKeyCheck check = forum.apiKeys().check(made.secret(), null, "GET /x");
        assertThat(check).isInstanceOfSatisfying(ApiKeyCheck.Accepted.class, a -> {
            assertThat(a.member().id()).isEqualTo(ann.id());
            assertThat(a.key().id()).isEqualTo(stored.id());
        });
        assertThat(forum.apiKeys().check(made.secret() + "x", null, "GET /x"))
                .isEqualTo(new ApiKeyCheck.Refused("invalid_api_key", "the API key is not valid"));
        assertThat(forum.apiKeys().check("fk_" + SessionTokens.newToken(), null, "GET /x"))
                .isInstanceOfSatisfying(ApiKeyCheck.Refused.class, r -> assertThat(r.code()).isEqualTo("invalid_api_key"));
    }

    @Test
    void lastUseIsWrittenAtMostOnceAMinute() {
        NewApiKey made = make("guest", null, "thread:read");
        forum.apiKeys().check(made.secret(), null, "GET /x");
        var first = clock.instant();
        assertThat(read(() -> storage.apiKeys().byId(made.key().id())).orElseThrow().lastUsedAt()).isEqualTo(first);

        clock.advanceSeconds(30);
        long writes = counted.writeTransactions();
        forum.apiKeys().check(made.secret(), null, "GET /x");
        assertThat(counted.writeTransactions()).isEqualTo(writes);
        assertThat(read(() -> storage.apiKeys().byId(made.key().id())).orElseThrow().lastUsedAt()).isEqualTo(first);

        clock.advanceSeconds(31);
        forum.apiKeys().check(made.secret(), null, "GET /x");
        assertThat(read(() -> storage.apiKeys().byId(made.key().id())).orElseThrow().lastUsedAt()).isEqualTo(clock.instant());
    }

    @Test
    void expiredAndRevokedKeysAreRefused() {
        NewApiKey soon = forum.apiKeys().create(actor(fx().admin()), new ApiKeyRequest("soon", "guest",
                List.of("thread:read"), null, clock.instant().plus(Duration.ofHours(1))));
        assertThat(forum.apiKeys().check(soon.secret(), null, "GET /x")).isInstanceOf(ApiKeyCheck.Accepted.class);
        clock.advance(Duration.ofHours(1));
        assertThat(forum.apiKeys().check(soon.secret(), null, "GET /x"))
                .isInstanceOfSatisfying(ApiKeyCheck.Refused.class, r -> assertThat(r.code()).isEqualTo("api_key_expired"));

        NewApiKey other = make("guest", null, "thread:read");
        ApiKey revoked = forum.apiKeys().revoke(actor(fx().admin()), other.key().id());
        assertThat(revoked.revokedAt()).isEqualTo(clock.instant());
        assertThat(forum.apiKeys().check(other.secret(), null, "GET /x"))
                .isInstanceOfSatisfying(ApiKeyCheck.Refused.class, r -> assertThat(r.code()).isEqualTo("api_key_revoked"));
        clock.advanceSeconds(5);
        assertThat(forum.apiKeys().revoke(actor(fx().admin()), other.key().id()).revokedAt()).isEqualTo(revoked.revokedAt());
        assertThat(forum.apiKeys().list(actor(fx().admin()))).extracting(ApiKey::name).containsExactly("bot guest", "soon");
    }

    @Test
    void aServiceKeyActsAsTheMemberItNamesAndEachSuchCallIsAudited() {
        Member ann = fx().member("ann");
        NewApiKey service = make("service", null, "post:write");

        ApiKeyCheck asGuest = forum.apiKeys().check(service.secret(), null, "GET /x");
        assertThat(asGuest).isInstanceOfSatisfying(ApiKeyCheck.Accepted.class, a -> assertThat(a.member()).isNull());
        ApiKeyCheck asAnn = forum.apiKeys().check(service.secret(), "ANN", "POST /api/v1/threads/1/posts");
        assertThat(asAnn).isInstanceOfSatisfying(ApiKeyCheck.Accepted.class,
                a -> assertThat(a.member().id()).isEqualTo(ann.id()));
        assertThat(forum.apiKeys().check(service.secret(), "nobody", "GET /x"))
                .isInstanceOfSatisfying(ApiKeyCheck.Refused.class, r -> assertThat(r.code()).isEqualTo("act_as_refused"));

        List<AuditLine> lines = forum.audit().list(actor(fx().admin()),
                new AuditFilter(null, AuditAction.API_KEY_ACT_AS, null, null, null, null), 1).items();
        assertThat(lines).singleElement().satisfies(l -> {
            assertThat(l.entry().actor()).isEqualTo(ann.id());
            assertThat(l.entry().target().id()).isEqualTo(service.key().id().value());
            assertThat(l.entry().after()).isEqualTo("POST /api/v1/threads/1/posts");
        });

        NewApiKey guestKey = make("guest", null, "thread:read");
        assertThat(forum.apiKeys().check(guestKey.secret(), "ann", "GET /x"))
                .isInstanceOfSatisfying(ApiKeyCheck.Refused.class, r -> assertThat(r.code()).isEqualTo("act_as_refused"));
    }

    @Test
    void onlyAdminsManageKeysAndBadRequestsNameTheirFields() {
        Member ann = fx().member("ann");
        assertThatThrownBy(() -> forum.apiKeys().create(actor(fx().moderator()), new ApiKeyRequest("x", "guest",
                List.of("thread:read"), null, null))).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> forum.apiKeys().list(actor(ann))).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> forum.apiKeys().create(actor(fx().admin()), new ApiKeyRequest("", "root",
                List.of("thread"), ann.id(), clock.instant().minusSeconds(1))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .extracting(InvalidInputException.FieldError::field)
                        .containsExactlyInAnyOrder("name", "kind", "scopes", "expires_at"));
        assertThatThrownBy(() -> forum.apiKeys().create(actor(fx().admin()), new ApiKeyRequest("m", "member",
                List.of("thread:read"), null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .extracting(InvalidInputException.FieldError::field).containsExactly("member_id"));
        assertThat(forum.apiKeys().list(actor(fx().admin()))).isEmpty();
    }
}
