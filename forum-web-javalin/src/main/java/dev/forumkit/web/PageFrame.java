package dev.forumkit.web;

import io.javalin.http.Context;

/**
 * The host's page around the forum: it receives the forum's rendered {@link ForumPage} parts and answers the whole
 * HTML document, with the host's own header, footer and stylesheets. Set with
 * {@code ForumPluginConfig.pageFrame(...)}; without one the forum draws its own header, logo and footer.
 *
 * <pre>{@code
 * .pageFrame((ctx, page) -> "<!DOCTYPE html><html lang=\"en\"><head><title>" + escape(page.title()) + " | Example</title>"
 *         + page.head() + "<link rel=\"stylesheet\" href=\"/host.css\"></head><body><header>Example</header>"
 *         + page.navigation() + page.breadcrumbs() + page.content() + "<footer>Example Ltd</footer></body></html>")
 * }</pre>
 *
 * A host that writes its layout in a template engine (its own JTE templates, say) renders it here with the page as
 * a parameter. The frame is called for every forum page, error pages included, on the request's thread; it must not
 * write to {@code ctx}'s response itself (the forum sets the status and headers). When it throws, the forum logs the
 * failure and shows its error page in its own chrome instead.
 */
@FunctionalInterface
public interface PageFrame {
    /** The whole HTML document for one forum page; never null. */
    String render(Context ctx, ForumPage page);
}
