package dev.forumkit.web.internal.html;

import dev.forumkit.core.Validation;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Registration;
import dev.forumkit.web.Access;
import dev.forumkit.web.internal.Api;
import dev.forumkit.web.internal.Call;
import dev.forumkit.web.internal.HttpProblem;
import dev.forumkit.web.internal.Throttles;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Register, sign in, sign out. Sign-in and registration share the API's rate limits and password pool; a wrong
 * password and an unknown name get the same answer. After signing in the browser goes back where it came from
 * ({@code next}, only ever a path of this forum).
 */
public final class AccountPages {
    private AccountPages() {
    }

    static void register(PageTable t) {
        t.get("/login", Access.ANYONE, AccountPages::loginForm);
        t.post("/login", Access.ANYONE, AccountPages::login);
        t.get("/register", Access.ANYONE, AccountPages::registerForm);
        t.post("/register", Access.ANYONE, AccountPages::join);
        t.get("/logout", Access.ANYONE, AccountPages::logoutForm);
        t.post("/logout", Access.ANYONE, AccountPages::logout);
    }

    /** The sign-in form answering a guest who asked for something that needs a member (status set by the caller). */
    public static View signInRequired(String next, String kept) {
        return View.of("login", new Text("layout.login")).noindex()
                .with("form", Form.empty().set("next", next).withGeneral("You must be logged in to do that", "sign_in_required"))
                .with("kept", kept);
    }

    private static Object loginForm(Call call) {
        Links links = ReadPages.links(call);
        String next = safeNext(call, call.ctx().queryParam("next"));
        if (!call.viewer().isGuest()) {
            return Redirect.found(next == null ? links.home() : next);
        }
        return login(Form.empty().set("next", next));
    }

    private static View login(Form form) {
        return View.of("login", new Text("layout.login")).noindex().with("form", form).with("kept", null);
    }

    private static Object login(Call call) {
        Form form = Form.from(call.ctx(), "login", "next");
        form.set("next", safeNext(call, form.get("next")));
        String login = form.value("login").strip();
        String password = call.ctx().formParam("password");
        Api api = call.api();
        String account = login.toLowerCase(Locale.ROOT);
        try {
            Validation.start()
                    .require(!login.isEmpty(), "login", "required", "Enter your username or e-mail address")
                    .require(password != null && !password.isEmpty(), "password", "required", "Enter your password")
                    .orThrow();
            Throttles.signInPerIp(api).acquire(api.checks().clientIp(call.ctx()));
            Throttles.signInPerAccount(api).acquire(account);
        } catch (RuntimeException refused) {
            return Refusal.of(login(form), form, refused, "login", "password");
        }
        CompletableFuture<Optional<Member>> found = api.passwords().submit(() -> api.forum().members().authenticate(login, password));
        return found.thenApply(m -> {
            if (m.isEmpty()) {
                // the same words for an unknown name and a wrong password, beside the password field
                form.withError("password", "Wrong username or password", "wrong_credentials");
                return Refusal.explained(login(form), HttpProblem.invalidCredentials());
            }
            Throttles.signInPerAccount(api).reset(account);
            api.sessions().start(call.ctx(), call.viewer(), m.get().id());
            String next = form.get("next");
            return (Object) Redirect.seeOther(next == null || next.isEmpty() ? ReadPages.links(call).home() : next);
        });
    }

    private static Object registerForm(Call call) {
        if (!call.viewer().isGuest()) {
            return Redirect.found(ReadPages.links(call).home());
        }
        return join(Form.empty().set("next", safeNext(call, call.ctx().queryParam("next"))));
    }

    private static View join(Form form) {
        return View.of("register", new Text("layout.register")).noindex().with("form", form);
    }

    private static Object join(Call call) {
        Form form = Form.from(call.ctx(), "username", "email", "next");
        form.set("next", safeNext(call, form.get("next")));
        Registration registration;
        Api api = call.api();
        try {
            registration = new Registration(form.get("username"), form.get("email"), call.ctx().formParam("password"));
            Throttles.registrationPerIp(api).acquire(api.checks().clientIp(call.ctx()));
        } catch (RuntimeException refused) {
            return Refusal.of(join(form), form, refused, "username", "email", "password");
        }
        return api.passwords().submit(() -> api.forum().members().register(registration)).handle((m, failure) -> {
            if (failure != null) {
                return Refusal.of(join(form), form, failure, "username", "email", "password");
            }
            api.sessions().start(call.ctx(), call.viewer(), m.id());
            String next = form.get("next");
            return (Object) Redirect.seeOther(next == null || next.isEmpty() ? ReadPages.links(call).home() : next);
        });
    }

    private static Object logoutForm(Call call) {
        if (call.viewer().isGuest()) {
            return Redirect.found(ReadPages.links(call).home());
        }
        return View.of("logout", new Text("layout.logout")).noindex();
    }

    private static Object logout(Call call) {
        call.api().sessions().end(call.ctx(), call.viewer());
        return Redirect.seeOther(ReadPages.links(call).home());
    }

    /** Only a path inside this forum: never another site, never a protocol-relative address. */
    static String safeNext(Call call, String next) {
        if (next == null || next.isBlank()) {
            return null;
        }
        String base = call.api().settings().basePath();
        String n = next.strip();
        boolean inside = n.startsWith(base + "/") && !n.startsWith("//") && !n.contains("\\") && !n.contains("://")
                && n.chars().noneMatch(ch -> ch < 0x20);
        String login = base + "/login";
        String register = base + "/register";
        return inside && !n.startsWith(login) && !n.startsWith(register) ? n : null;
    }
}
