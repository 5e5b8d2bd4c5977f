package dev.forumkit.web.internal.html;

import dev.forumkit.web.ForumPage;
import dev.forumkit.web.PageFrame;
import io.javalin.http.Context;

import java.util.HashMap;
import java.util.Map;

/**
 * A page in the host's {@link PageFrame}: the page's template renders only its content block (the layout sees
 * {@link Chrome#framed()}), the head, navigation and breadcrumbs are rendered by the same small templates the
 * forum's own layout includes, and the host's frame puts them together.
 */
final class HostFrame {
    private final PageFrame frame;
    private final JteRenderer renderer;

    HostFrame(PageFrame frame, JteRenderer renderer) {
        this.frame = frame;
        this.renderer = renderer;
    }

    String render(Context ctx, Chrome chrome, String template, Map<String, Object> model, String title, int status) {
        chrome.framed(true);
        String content = renderer.render(template, model, ctx);
        ForumPage page = new ForumPage(title, part("frame/head.jte", chrome, ctx), part("frame/framed-nav.jte", chrome, ctx),
                part("frame/framed-crumbs.jte", chrome, ctx), content, viewer(chrome), status);
        String html = frame.render(ctx, page);
        if (html == null) {
            throw new IllegalStateException("the host's page frame answered no page");
        }
        return html;
    }

    private String part(String template, Chrome chrome, Context ctx) {
        Map<String, Object> model = new HashMap<>();
        model.put("c", chrome);
        return renderer.render(template, model, ctx).strip();
    }

    private static ForumPage.Viewer viewer(Chrome c) {
        if (!c.signedIn()) {
            return ForumPage.Viewer.guest();
        }
        return new ForumPage.Viewer(c.me().username(), c.links().member(c.me().id(), c.me().username()),
                c.unreadAlerts(), c.unreadConversations());
    }
}
