package dev.forumkit.web.internal.html;

import dev.forumkit.core.member.Member;
import dev.forumkit.core.profile.DateStyle;
import dev.forumkit.core.profile.Profile;
import dev.forumkit.core.profile.ProfileEdit;
import dev.forumkit.core.session.SessionTokens;
import dev.forumkit.web.Access;
import dev.forumkit.web.internal.Api;
import dev.forumkit.web.internal.Call;
import dev.forumkit.web.internal.Throttles;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionException;

/**
 * The account pages: profile and display settings ({@code /account/profile}), password ({@code /account/password}),
 * signed-in devices ({@code /account/sessions}) and deleting the account ({@code /account/delete}). Password checks
 * share the API's per-account rate limit and password pool.
 */
public final class AccountSettingsPages {
    private static final String[] PROFILE_FIELDS = {"about", "location", "website", "signature", "time_zone", "date_style",
            "hide_last_seen", "hide_signatures", "language"};

    private AccountSettingsPages() {
    }

    static void register(PageTable t) {
        t.get("/account/profile", Access.MEMBER, call -> profilePage(call, null, null));
        t.post("/account/profile", Access.MEMBER, AccountSettingsPages::saveProfile);
        t.get("/account/password", Access.MEMBER, call -> passwordPage(Form.empty(), null));
        t.post("/account/password", Access.MEMBER, AccountSettingsPages::changePassword);
        t.get("/account/sessions", Access.MEMBER, call -> sessionsPage(call, null));
        t.post("/account/sessions/end", Access.MEMBER, AccountSettingsPages::endSession);
        t.post("/account/sessions/end-others", Access.MEMBER, AccountSettingsPages::endOthers);
        t.get("/account/delete", Access.MEMBER, call -> deletePage(Form.empty()));
        t.post("/account/delete", Access.MEMBER, AccountSettingsPages::delete);
    }

    /** The zones offered in the form: every region/city zone the JDK knows, sorted. */
    static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/") && !z.startsWith("Etc/")
            && !z.startsWith("SystemV/")).sorted().toList();

    private static View profilePage(Call call, Form submitted, String saved) {
        Member me = call.viewer().member();
        Profile p = call.api().forum().profiles().of(me.id());
        Form form = submitted != null ? submitted : Form.empty().set("about", p.about()).set("location", p.location())
                .set("website", p.website()).set("signature", p.signature()).set("time_zone", p.timeZone())
                .set("date_style", p.dateStyle().key()).set("hide_last_seen", p.hideLastSeen() ? "1" : null)
                .set("hide_signatures", p.hideSignatures() ? "1" : null).set("language", p.language());
        return View.of("account-profile", new Text("account.profile.title")).noindex().with("form", form).with("saved", saved)
                .with("zones", ZONES).with("styles", List.of(DateStyle.values())).with("languages", Texts.SUPPORTED)
                .with("signatureMax", call.api().forum().profiles().signatureMaxLength())
                .with("now", call.api().forum().clock().instant());
    }

    private static Object saveProfile(Call call) {
        Form form = Form.from(call.ctx(), PROFILE_FIELDS);
        try {
            DateStyle style = DateStyle.parse(form.value("date_style"));
            ProfileEdit edit = new ProfileEdit(form.get("about"), form.get("location"), form.get("website"),
                    form.get("signature"), form.get("time_zone"), style, form.get("hide_last_seen") != null,
                    form.get("hide_signatures") != null, form.get("language"));
            call.api().forum().profiles().update(call.actor(), call.viewer().member().id(), edit);
        } catch (RuntimeException refused) {
            return Refusal.of(profilePage(call, form, null), form, refused, PROFILE_FIELDS);
        }
        return profilePage(call, null, "account.profile.saved");
    }

    private static View passwordPage(Form form, String done) {
        return View.of("account-password", new Text("account.password.title")).noindex().with("form", form).with("done", done);
    }

    private static Object changePassword(Call call) {
        Form form = Form.empty();
        String current = call.ctx().formParam("current_password");
        String fresh = call.ctx().formParam("new_password");
        Api api = call.api();
        Member me = call.viewer().member();
        try {
            Throttles.signInPerAccount(api).acquire(me.username().toLowerCase(Locale.ROOT));
        } catch (RuntimeException refused) {
            return Refusal.of(passwordPage(form, null), form, refused, "current_password", "new_password");
        }
        return api.passwords().submit(() -> {
            api.forum().members().changePassword(call.actor(), current, fresh);
            return null;
        }).handle((done, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                return Refusal.of(passwordPage(form, null), form, cause, "current_password", "new_password");
            }
            // core ended every session of the member, this one too: this browser goes on with a fresh one
            api.sessions().start(call.ctx(), call.viewer(), me.id());
            return (Object) Redirect.seeOther(ReadPages.links(call).base() + "/account/sessions?changed=password");
        });
    }

    private static View sessionsPage(Call call, Text done) {
        Member me = call.viewer().member();
        String token = call.viewer().sessionToken();
        String current = SessionTokens.wellFormed(token) ? SessionTokens.hash(token) : "";
        Text message = done != null ? done
                : "password".equals(call.ctx().queryParam("changed")) ? new Text("account.sessions.passwordChanged") : null;
        return View.of("account-sessions", new Text("account.sessions.title")).noindex()
                .with("sessions", call.api().forum().sessions().of(me.id())).with("current", current).with("done", message);
    }

    private static Object endSession(Call call) {
        String handle = call.ctx().formParam("session");
        boolean ended = handle != null && call.api().forum().sessions().endByHandle(call.viewer().member().id(), handle);
        return sessionsPage(call, new Text(ended ? "account.sessions.ended" : "account.sessions.endedAlready"));
    }

    private static Object endOthers(Call call) {
        int n = call.api().forum().sessions().endOthers(call.viewer().member().id(), call.viewer().sessionToken());
        return sessionsPage(call, new Text(n == 1 ? "account.sessions.endedOthers.one" : "account.sessions.endedOthers.other", n));
    }

    private static View deletePage(Form form) {
        return View.of("account-delete", new Text("account.delete.title")).noindex().with("form", form);
    }

    private static Object delete(Call call) {
        Form form = Form.empty();
        String password = call.ctx().formParam("password");
        Api api = call.api();
        Member me = call.viewer().member();
        try {
            Throttles.signInPerAccount(api).acquire(me.username().toLowerCase(Locale.ROOT));
        } catch (RuntimeException refused) {
            return Refusal.of(deletePage(form), form, refused, "password");
        }
        return api.passwords().submit(() -> {
            api.forum().profiles().deleteOwnAccount(call.actor(), password);
            return null;
        }).handle((done, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                return Refusal.of(deletePage(form), form, cause, "password");
            }
            api.sessions().end(call.ctx(), call.viewer());
            return (Object) Redirect.seeOther(ReadPages.links(call).home() + "?account=deleted");
        });
    }
}
