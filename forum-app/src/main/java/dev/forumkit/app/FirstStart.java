package dev.forumkit.app;

import dev.forumkit.core.ForumException;
import dev.forumkit.core.Forum;
import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Registration;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.stream.Collectors;

/**
 * A forum with no admin yet gets one: from the settings ({@code admin.username}, {@code admin.email},
 * {@code admin.password}), or through a one-time set-up link printed at start. The link's token lives in the storage
 * (hashed), so every node accepts it, also after a restart, and it dies with its first use on any node; {@code /setup}
 * answers 404 otherwise.
 */
final class FirstStart {
    private static final Logger LOG = LoggerFactory.getLogger(FirstStart.class);
    private final Forum forum;

    FirstStart(Forum forum) {
        this.forum = forum;
    }

    /** Makes the first admin from the settings, if they name one and the forum has none. */
    void adminFromSettings(Settings s) {
        if (s.adminUsername() == null || s.adminPassword() == null || !forum.members().needsFirstAdmin()) {
            return;
        }
        String email = s.adminEmail() != null ? s.adminEmail() : s.adminUsername() + "@localhost.localdomain";
        Member admin = forum.members().registerFirstAdmin(new Registration(s.adminUsername(), email, s.adminPassword()));
        LOG.info("created the first admin '{}' from the settings", admin.username());
    }

    /** A one-time set-up link while the forum has no admin, else null. */
    String setupLink(String baseUrl) {
        if (!forum.members().needsFirstAdmin()) {
            return null;
        }
        String t = forum.members().newSetupToken();
        return t == null ? null : baseUrl + "/setup?token=" + t;
    }

    void routes(JavalinDefaultRoutingApi routes) {
        routes.get("/setup", this::form);
        routes.post("/setup", this::submit);
    }

    private boolean valid(String given) {
        return forum.members().setupTokenValid(given);
    }

    private void form(Context ctx) {
        String given = ctx.queryParam("token");
        if (!valid(given)) {
            ctx.status(404).html(page("Nothing here", "<p>This set-up link is not valid (any more).</p>"));
            return;
        }
        ctx.html(page("Create the first admin", "<form method=\"post\" action=\"/setup\">"
                + "<input type=\"hidden\" name=\"token\" value=\"" + escape(given) + "\">"
                + "<p><label>Username <input name=\"username\" required minlength=\"3\" maxlength=\"32\"></label></p>"
                + "<p><label>E-mail <input name=\"email\" type=\"email\" required></label></p>"
                + "<p><label>Password <input name=\"password\" type=\"password\" required minlength=\"8\"></label></p>"
                + "<p><button>Create admin</button></p></form>"));
    }

    private void submit(Context ctx) {
        try {
            Member admin = forum.members().registerFirstAdmin(
                    new Registration(ctx.formParam("username"), ctx.formParam("email"), ctx.formParam("password")),
                    ctx.formParam("token"));
            LOG.info("created the first admin '{}' through the set-up link", admin.username());
            ctx.html(page("Done", "<p>The admin <b>" + escape(admin.username()) + "</b> exists. Sign in with it now.</p>"));
        } catch (InvalidInputException e) {
            ctx.status(422).html(page("Please fix", "<p>" + escape(e.fieldErrors().stream()
                    .map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; ")))
                    + "</p><p><a href=\"/setup?token=" + escape(ctx.formParam("token")) + "\">Back</a></p>"));
        } catch (NotFoundException e) { // unknown, or used meanwhile (on any node)
            ctx.status(404).html(page("Nothing here", "<p>This set-up link is not valid (any more).</p>"));
        } catch (ForumException e) {
            ctx.status(409).html(page("Already set up", "<p>The forum already has an admin.</p>"));
        }
    }

    private static String page(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + " - forumkit</title></head>"
                + "<body><h1>" + title + "</h1>" + body + "</body></html>";
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
