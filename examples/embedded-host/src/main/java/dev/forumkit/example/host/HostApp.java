package dev.forumkit.example.host;

import dev.forumkit.core.Forum;
import dev.forumkit.core.member.ExternalIdentity;
import dev.forumkit.web.ForumPlugin;
import dev.forumkit.web.ForumPluginConfig;
import dev.forumkit.web.HostIdentity;
import dev.forumkit.web.HostUser;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.Optional;

/**
 * A host application with its own users and sign-in, and the forum under {@code /community}: the forum asks the
 * host who is signed in on every request and keeps a member for each host user (host identity), shows its pages
 * inside the host's layout ({@link HostLayout}) and speaks the host's language, Japanese.
 */
public final class HostApp {
    /** The host's session cookie. */
    public static final String COOKIE = "host_session";
    /** How the forum names this host's user store: (issuer, user id) is what links a user to a member. */
    public static final String ISSUER = "example-host";

    private HostApp() {
    }

    /** The host app with more forum plugin settings ({@code more} runs last). */
    public static Javalin create(Forum forum, HostUsers users, Consumer<ForumPluginConfig> more) {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.registerPlugin(new ForumPlugin(c -> {
                c.forum(forum)
                        .basePath("/community")
                        .hostIdentity(new HostIdentity("/sign-in", "/sign-out", "/account", ctx -> signedIn(ctx, users)))
                        .pageFrame((ctx, page) -> HostLayout.frame(page))
                        .locale(ctx -> Locale.JAPANESE);      // the host's language, whatever the browser asks for
                more.accept(c);
            }));
            config.routes.get("/host.css", ctx -> ctx.contentType("text/css").result(HostLayout.CSS));
            config.routes.get("/", ctx -> ctx.html(page("ホーム", users.bySession(ctx.cookie(COOKIE))
                    .map(u -> "<p>" + escape(u.name()) + " さん、こんにちは。<a href=\"/community/\">コミュニティ</a> · "
                            + "<a href=\"/account\">アカウント</a> · <a href=\"/sign-out\">サインアウト</a></p>")
                    .orElse("<p><a href=\"/sign-in\">サインイン</a> · <a href=\"/community/\">コミュニティ</a></p>"))));
            config.routes.get("/sign-in", ctx -> ctx.html(page("サインイン", signInForm(""))));
            config.routes.post("/sign-in", ctx -> signIn(ctx, users));
            config.routes.get("/sign-out", ctx -> ctx.html(page("サインアウト",
                    "<form method=\"post\" action=\"/sign-out\"><button id=\"sign-out\">サインアウト</button></form>")));
            config.routes.post("/sign-out", ctx -> {
                users.signOut(ctx.cookie(COOKIE));
                ctx.removeCookie(COOKIE, "/");
                ctx.redirect("/", HttpStatus.SEE_OTHER);
            });
            config.routes.get("/account", ctx -> ctx.html(page("アカウント", users.bySession(ctx.cookie(COOKIE))
                    .map(u -> "<p>" + escape(u.name()) + ", " + escape(u.email()) + "</p>")
                    .orElse("<p>まず<a href=\"/sign-in\">サインイン</a>してください。</p>"))));
        });
    }

    /** The host's answer to the forum: its signed-in user, the session token doubling as the CSRF secret. */
    static Optional<HostUser> signedIn(Context ctx, HostUsers users) {
        String token = ctx.cookie(COOKIE);
        return users.bySession(token)
                .map(u -> HostUser.fromCookie(ExternalIdentity.of(ISSUER, u.id(), u.name(), u.email()), token));
    }

    private static void signIn(Context ctx, HostUsers users) {
        Optional<String> token = users.signIn(ctx.formParam("name"), ctx.formParam("password"));
        if (token.isEmpty()) {
            ctx.status(HttpStatus.UNAUTHORIZED).html(page("サインイン", signInForm("<p>名前またはパスワードが違います。</p>")));
            return;
        }
        ctx.cookie(new Cookie(COOKIE, token.get(), "/", 86_400, false, true, null, SameSite.LAX));
        ctx.redirect("/community/", HttpStatus.SEE_OTHER);
    }

    private static String signInForm(String message) {
        return message + "<form method=\"post\" action=\"/sign-in\"><label>名前 <input id=\"name\" name=\"name\"></label>"
                + "<label>パスワード <input id=\"password\" name=\"password\" type=\"password\"></label><button id=\"sign-in\">サインイン</button></form>";
    }

    private static String page(String title, String body) {
        return HostLayout.page(title, body);
    }

    private static String escape(String s) {
        return HostLayout.escape(s);
    }
}
