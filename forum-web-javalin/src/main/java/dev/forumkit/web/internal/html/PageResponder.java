package dev.forumkit.web.internal.html;

import dev.forumkit.core.policy.Policy;
import dev.forumkit.web.internal.Api;
import dev.forumkit.web.internal.ApiErrors;
import dev.forumkit.web.internal.Responder;
import dev.forumkit.web.internal.Viewer;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;

import java.util.HashMap;
import java.util.Map;

/**
 * Answers as pages: a {@link View} rendered in the forum's chrome (or the host's {@code PageFrame}), a {@link Redirect}, an {@link Asset}, or a
 * {@link Refusal} (the form again, with the status and messages of the one error mapping). A failure becomes the
 * sign-in form for 401 and the friendly error page otherwise, keeping the text of a refused post.
 */
final class PageResponder implements Responder {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PageResponder.class);
    private final Api api;
    private final JteRenderer renderer;
    /** The host's page frame, or null for the forum's own header and footer. */
    private final HostFrame frame;

    /** The model key under which a page may pass the signed-in viewer's {@code Profile} it has read anyway. */
    static final String VIEWER_SETTINGS = "viewerSettings";

    PageResponder(Api api, JteRenderer renderer) {
        this.api = api;
        this.renderer = renderer;
        this.frame = api.settings().pageFrame() == null ? null : new HostFrame(api.settings().pageFrame(), renderer);
    }

    @Override
    public void respond(Context ctx, Viewer viewer, Object result) {
        if (result instanceof Redirect r) {
            ctx.header("Cache-Control", "no-store");
            ctx.redirect(r.location(), HttpStatus.forStatus(r.status()));
        } else if (result instanceof Asset a) {
            ctx.header("Cache-Control", "public, max-age=3600");
            ctx.contentType(a.contentType()).result(a.bytes());
        } else if (result instanceof dev.forumkit.web.internal.feed.Document d) {
            d.write(ctx); // feeds, sitemaps, robots.txt: their own caching (ETag, 304)
        } else if (result instanceof View v) {
            ctx.header("Cache-Control", "private, no-cache");
            render(ctx, viewer, v, true);
        } else if (result instanceof Refusal r) {
            refused(ctx, viewer, r);
        } else if (result == Written.RESPONSE) {
            return; // an attachment: status, headers and body are set
        } else {
            throw new IllegalStateException("a page returned " + (result == null ? "nothing" : result.getClass().getSimpleName()));
        }
    }

    private void refused(Context ctx, Viewer viewer, Refusal r) {
        ApiErrors.Answer a = ApiErrors.answer(ctx, r.cause());
        if (a.retryAfterSeconds() > 0) {
            ctx.header("Retry-After", Long.toString(a.retryAfterSeconds()));
        }
        boolean signInFirst = a.errors().get(0).code().equals("sign_in_required");
        // the error page offers the way out (a button that sends the link again) and gives back what was written
        boolean unverified = a.errors().get(0).code().equals(Policy.EMAIL_UNVERIFIED);
        if (signInFirst || unverified || a.status() >= 500) {
            fail(ctx, viewer, a);
            return;
        }
        if (r.form() != null) {
            for (ApiErrors.ApiError e : a.errors()) {
                if (e.field() != null && r.fields().contains(e.field())) {
                    r.form().withError(e.field(), e.message(), e.code());
                } else {
                    r.form().withGeneral(e.message(), e.code());
                }
            }
        }
        ctx.header("Cache-Control", "no-store");
        render(ctx, viewer, r.page().status(a.status()), true);
    }

    /** A failure as a page: sign-in form for 401, otherwise the error page; the text of a form post is kept. */
    @Override
    public void fail(Context ctx, Viewer viewer, ApiErrors.Answer a) {
        ctx.header("Cache-Control", "no-store");
        ApiErrors.ApiError first = a.errors().get(0);
        String kept = keptText(ctx);
        View view;
        if (a.status() == 401) {
            String next = ctx.method() == HandlerType.GET ? ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString()) : null;
            view = AccountPages.signInRequired(next, kept);
        } else {
            view = ErrorPages.error(a.status(), first.code(), first.message(), a.errorId(), kept);
        }
        try {
            render(ctx, viewer, view.status(a.status()), true);
        } catch (RuntimeException broken) {
            if (frame == null) {
                ApiErrors.write(ctx, ApiErrors.answer(ctx, broken));
                return;
            }
            // the host's frame may be what failed: the error page in the forum's own chrome still tells the reader
            LOG.warn("the host's page frame failed on {} {}; the error page is shown in the forum's own layout",
                    ctx.method(), ctx.path(), broken);
            try {
                render(ctx, viewer, view.status(a.status()), false);
            } catch (RuntimeException stillBroken) {
                ApiErrors.write(ctx, ApiErrors.answer(ctx, stillBroken));
            }
        }
    }

    /** The page in the host's frame if there is one and {@code inFrame}, else in the forum's own chrome. */
    private void render(Context ctx, Viewer viewer, View v, boolean inFrame) {
        dev.forumkit.core.read.ViewerChrome about = viewer.member() == null ? null : viewerChrome(viewer, v);
        dev.forumkit.core.profile.Profile settings = about == null ? null : about.settings();
        Texts texts = Languages.choose(ctx, api.settings().language(), settings);
        Chrome chrome = new Chrome(api.settings().basePath(), api.settings().apiPrefix(), viewer.member(), viewer.standing(),
                viewer.csrfToken(), api.forum().clock().instant(), v.title(texts), v.crumbs(texts), v.isNoindex(),
                ctx.method() == HandlerType.GET ? ctx.path() : null);
        chrome.hostIdentity(api.settings().hostIdentity());
        chrome.texts(texts);
        if (v.canonical() != null || v.description() != null || !v.feeds().isEmpty()) {
            String base = api.settings().basePath();
            String canonical = v.canonical() == null ? null
                    : dev.forumkit.web.internal.feed.SiteAddress.of(ctx, api.settings()) + v.canonical().substring(base.length());
            chrome.head(canonical, v.description(), v.feeds());
        }
        chrome.avatars(api.forum().avatars()::versions); // read at the first avatar the page shows, cached per node
        if (viewer.member() != null) {
            chrome.unreadAlerts(about == null ? -1 : about.unreadAlerts());
            chrome.unreadConversations(about == null ? -1 : about.unreadConversations());
            if (settings != null) {
                chrome.display(settings);
            }
            chrome.mustVerifyEmail(!viewer.member().emailVerified()
                    && api.forum().policy().verification() == dev.forumkit.core.verify.Verification.REQUIRED_TO_POST);
        }
        Map<String, Object> model = new HashMap<>(v.model());
        model.remove(VIEWER_SETTINGS); // for the frame only, not a template parameter
        model.put("c", chrome);
        for (Object value : model.values()) {
            if (value instanceof Form f) {
                f.language(texts);
            }
        }
        // the language may follow Accept-Language: a shared cache must not hand one reader's language to another
        ctx.header("Vary", "Accept-Language");
        if (frame != null && inFrame) {
            ctx.status(v.status()).html(frame.render(ctx, chrome, v.template() + ".jte", model, v.title(texts), v.status()));
        } else { // straight into UTF-8 bytes: no UTF-16 copy of the page (issue 18)
            ctx.status(v.status()).contentType(io.javalin.http.ContentType.TEXT_HTML)
                    .result(renderer.renderUtf8(v.template() + ".jte", model));
        }
    }

    /**
     * The signed-in member's header counts and settings (time zone, date format, language), in one read; null when
     * storage failed: an error page must render then, without the badges, with dates in UTC and words in the default.
     */
    private dev.forumkit.core.read.ViewerChrome viewerChrome(Viewer viewer, View v) {
        try {
            // a page that read the viewer's settings already (a thread page, for signatures) hands them over
            Object known = v.model().get(VIEWER_SETTINGS);
            dev.forumkit.core.read.ViewerChrome read = api.forum().reading().chrome(viewer.actor(),
                    !(known instanceof dev.forumkit.core.profile.Profile));
            return known instanceof dev.forumkit.core.profile.Profile p
                    ? new dev.forumkit.core.read.ViewerChrome(read.unreadAlerts(), read.unreadConversations(), p) : read;
        } catch (RuntimeException storageDown) {
            return null;
        }
    }

    /** What a person wrote in a refused form (the post body), so the error page can give it back. */
    private static String keptText(Context ctx) {
        if (ctx.method() != HandlerType.POST || !ctx.isFormUrlencoded()) {
            return null;
        }
        try {
            String body = ctx.formParam("body");
            return body == null || body.isBlank() ? null : body;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
