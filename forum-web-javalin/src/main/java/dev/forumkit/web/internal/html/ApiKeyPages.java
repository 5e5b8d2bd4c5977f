package dev.forumkit.web.internal.html;

import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.apikey.ApiKeyId;
import dev.forumkit.core.apikey.ApiKeyRequest;
import dev.forumkit.core.apikey.NewApiKey;
import dev.forumkit.core.member.Member;
import dev.forumkit.web.Access;
import dev.forumkit.web.internal.Call;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The admin page of API keys: list, make one (the answer shows its secret, once: it is not stored), revoke one. The
 * new secret is rendered in the POST's answer rather than after a redirect, so it never travels in a URL.
 */
final class ApiKeyPages {
    private ApiKeyPages() {
    }

    static void register(PageTable t) {
        t.get("/admin/api-keys", Access.ADMIN, call -> keys(call, Form.empty(), null));
        t.post("/admin/api-keys", Access.ADMIN, ApiKeyPages::create);
        t.post("/admin/api-keys/{keyId}/revoke", Access.ADMIN, ApiKeyPages::revoke);
    }

    private static View keys(Call call, Form form, NewApiKey made) {
        Links links = ReadPages.links(call);
        return View.of("admin/api-keys", new Text("admin.apiKeys")).noindex().crumb(new Text("nav.forums"), links.home()).crumb(new Text("nav.admin"), links.admin(""))
                .with("keys", call.api().forum().apiKeys().list(call.actor())).with("form", form)
                .with("made", made).with("now", call.api().forum().clock().instant());
    }

    private static Object create(Call call) {
        Form form = Form.from(call.ctx(), "name", "kind", "scopes", "member", "expires_in_days");
        try {
            Member member = null;
            String name = form.get("member");
            if (name != null && !name.isBlank()) {
                member = call.api().forum().members().byUsername(name.strip())
                        .orElseThrow(() -> new NotFoundException("no member named " + name.strip()));
            }
            Long days = Params.number(form.get("expires_in_days"));
            Instant expires = days == null ? null : call.api().forum().clock().instant().plus(Duration.ofDays(days));
            String scopes = form.get("scopes") == null ? "" : form.get("scopes");
            List<String> list = Arrays.stream(scopes.split("[\\s,]+")).filter(s -> !s.isBlank()).toList();
            NewApiKey made = call.api().forum().apiKeys().create(call.actor(), new ApiKeyRequest(form.get("name"),
                    form.get("kind"), list, member == null ? null : member.id(), expires));
            return keys(call, Form.empty(), made);
        } catch (RuntimeException e) {
            return PostingPages.problem(e, form, keys(call, form, null), "name", "kind", "scopes", "member", "expires_in_days");
        }
    }

    private static Object revoke(Call call) {
        call.api().forum().apiKeys().revoke(call.actor(), ApiKeyId.of(Params.id(call, "keyId")));
        return Redirect.seeOther(ReadPages.links(call).admin("api-keys"));
    }
}
