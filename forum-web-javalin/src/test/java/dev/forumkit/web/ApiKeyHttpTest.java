package dev.forumkit.web;

import dev.forumkit.core.audit.AuditAction;
import dev.forumkit.core.audit.AuditFilter;
import dev.forumkit.core.member.Member;
import dev.forumkit.web.internal.ApiScopes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API keys over HTTP on a real server: an admin makes keys, a key works as a bearer token with the scope of each
 * route, without CSRF, ignoring cookies; bad, expired and revoked keys get 401 with a problem body.
 */
class ApiKeyHttpTest {
    @RegisterExtension
    static final Fixture f = Fixture.perClass();
    private static final String P = "/api/v1";

    private String makeKey(String kind, Member member, String... scopes) {
        String body = "{\"name\":\"bot\",\"kind\":\"" + kind + "\",\"scopes\":[\"" + String.join("\",\"", scopes) + "\"]"
                + (member == null ? "" : ",\"member_id\":" + member.id().value()) + "}";
        Client.Response r = f.signedIn(f.admin).post(P + "/admin/api-keys", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("secret").asText();
    }

    private static String[] bearer(String key, String... more) {
        String[] h = new String[2 + more.length];
        h[0] = "Authorization";
        h[1] = "Bearer " + key;
        System.arraycopy(more, 0, h, 2, more.length);
        return h;
    }

    @Test
    void anAdminMakesListsAndRevokesKeysAndTheSecretIsShownOnce() {
        Client admin = f.signedIn(f.admin);
        Client.Response made = admin.post(P + "/admin/api-keys",
                "{\"name\":\"Stats bot\",\"kind\":\"guest\",\"scopes\":[\"thread:read\",\"board:read\"]}");
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        String secret = made.json().path("secret").asText();
        long id = made.json().path("api_key").path("id").asLong();
        assertThat(secret).startsWith("fk_").hasSize(46);
        assertThat(made.json().path("api_key").path("scopes").toString()).isEqualTo("[\"board:read\",\"thread:read\"]");

        Client.Response list = admin.get(P + "/admin/api-keys");
        assertThat(list.body()).doesNotContain(secret).contains("Stats bot").contains(secret.substring(0, 9));

        assertThat(f.guest().send("GET", P + "/boards", null, bearer(secret)).status()).isEqualTo(200);
        Client.Response revoked = admin.delete(P + "/admin/api-keys/" + id);
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().path("api_key").path("revoked_at").isNull()).isFalse();
        Client.Response refused = f.guest().send("GET", P + "/boards", null, bearer(secret));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.errorCode()).isEqualTo("api_key_revoked");
        assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void onlyAdminsManageKeysAndBadRequestsAre422() {
        assertThat(f.signedIn(f.moderator).get(P + "/admin/api-keys").status()).isEqualTo(403);
        Client.Response bad = f.signedIn(f.admin).post(P + "/admin/api-keys", "{\"name\":\"x\",\"kind\":\"root\",\"scopes\":[\"all\"]}");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().path("errors").findValuesAsText("field")).contains("kind", "scopes");
    }

    @Test
    void badKeysAre401WithAProblemBody() {
        Client.Response r = f.guest().send("GET", P + "/boards", null, bearer("fk_nonsense"));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.errorCode()).isEqualTo("invalid_api_key");
        assertThat(r.json().path("errors").path(0).path("message").asText()).isEqualTo("the API key is not valid");
    }

    @Test
    void aMemberKeyPostsAsItsMemberWithoutCsrfAndOnlyWithItsScopes() {
        Member ann = f.member("ann");
        String key = makeKey("member", ann, "post:write", "thread:read");
        Client.Response reply = f.guest().send("POST", P + "/threads/" + f.threadId() + "/posts", "{\"body\":\"By key\"}",
                bearer(key, "Origin", "https://elsewhere.example"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.json().toString()).contains(ann.username());

        Client.Response noScope = f.guest().send("PUT", P + "/posts/" + f.miasReply.id().value() + "/reaction",
                "{\"type\":\"like\"}", bearer(key));
        assertThat(noScope.status()).isEqualTo(403);
        assertThat(noScope.errorCode()).isEqualTo("scope_missing");
        assertThat(noScope.json().path("errors").path(0).path("message").asText()).contains("reaction:write");

        Client.Response never = f.guest().send("GET", P + "/session", null, bearer(key));
        assertThat(never.status()).isEqualTo(403);
        assertThat(never.errorCode()).isEqualTo("scope_missing");
    }

    @Test
    void aCookieNeverAuthenticatesAKeyCall() {
        String guestKey = makeKey("guest", null, "member:read");
        Client admin = f.signedIn(f.admin);
        // the admin's own cookie and CSRF token travel along, yet the call is the guest key's
        Client.Response me = admin.send("GET", P + "/me", null, bearer(guestKey));
        assertThat(me.status()).isEqualTo(401);
        assertThat(me.errorCode()).isEqualTo("sign_in_required");
        Client.Response bad = admin.send("GET", P + "/me", null, bearer("fk_wrong"));
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.errorCode()).isEqualTo("invalid_api_key");
    }

    @Test
    void aServiceKeyActsAsTheMemberItNamesAndTheCallIsAudited() {
        Member bo = f.member("bo");
        String key = makeKey("service", null, "post:write", "member:read");
        Client.Response me = f.guest().send("GET", P + "/me", null, bearer(key, "X-Forum-Act-As", bo.username()));
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().toString()).contains(bo.username());
        Client.Response asGuest = f.guest().send("GET", P + "/me", null, bearer(key));
        assertThat(asGuest.status()).isEqualTo(401);

        var lines = f.forum.audit().list(Fixture.as(f.admin),
                new AuditFilter(bo.id(), AuditAction.API_KEY_ACT_AS, null, null, null, null), 1).items();
        assertThat(lines).singleElement().satisfies(l -> assertThat(l.entry().after()).isEqualTo("GET " + P + "/me"));

        String memberKey = makeKey("member", f.member("cy"), "member:read");
        Client.Response refused = f.guest().send("GET", P + "/me", null, bearer(memberKey, "X-Forum-Act-As", bo.username()));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("act_as_refused");
    }

    @Test
    void everyApiRouteHasAScopeMapping() {
        List<String> unmapped = f.server.plugin.routes().stream().filter(r -> r.path().startsWith(P + "/"))
                .map(r -> r.method() + " " + r.path().substring(P.length()))
                .filter(k -> ApiScopes.scopeOf(k.split(" ")[0], k.split(" ")[1]).isEmpty()).toList();
        assertThat(unmapped).as("API routes without a line in ApiScopes").isEmpty();
    }

    @Test
    void theAdminPageMakesAKeyShowsItsSecretOnceAndRevokesIt() {
        Client admin = f.signedIn(f.admin);
        Client.Response made = admin.send("POST", "/admin/api-keys", "name=Page+bot&kind=member&member=mia&scopes=member%3Aread+post%3Awrite",
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(made.status()).as(made.toString()).isEqualTo(200);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("data-secret>(fk_[A-Za-z0-9_-]{43})<").matcher(made.body());
        assertThat(m.find()).as(made.body()).isTrue();
        String secret = m.group(1);
        Client.Response list = admin.get("/admin/api-keys");
        assertThat(list.body()).contains("Page bot").contains("member:read post:write").doesNotContain(secret);
        assertThat(f.guest().send("GET", P + "/me", null, bearer(secret)).json().toString()).contains("mia");

        long id = f.forum.apiKeys().list(Fixture.as(f.admin)).stream().filter(k -> k.name().equals("Page bot"))
                .findFirst().orElseThrow().id().value();
        Client.Response revoked = admin.send("POST", "/admin/api-keys/" + id + "/revoke", "",
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(revoked.status()).isEqualTo(303);
        assertThat(f.guest().send("GET", P + "/me", null, bearer(secret)).errorCode()).isEqualTo("api_key_revoked");

        Client.Response bad = admin.send("POST", "/admin/api-keys", "name=&kind=guest&scopes=nonsense",
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).doesNotContain("data-secret");
    }

    @Test
    void keysDoNotOpenHtmlPages() {
        String key = makeKey("guest", null, "thread:read");
        Client.Response page = f.guest().send("GET", "/", null, bearer(key));
        assertThat(page.status()).isEqualTo(403);
    }
}
